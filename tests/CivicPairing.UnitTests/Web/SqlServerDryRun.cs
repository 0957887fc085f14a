using System.Collections;
using System.Data;
using System.Data.Common;
using System.Security.Claims;
using CivicPairing.Web;
using CivicPairing.Web.Data;
using CivicPairing.Web.Features.Home;
using CivicPairing.Web.Features.Ranking;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CivicPairing.UnitTests.Web;

/// <summary>
/// The portal's services over a <see cref="SqlServerAppDbContext"/> that never reaches a server: opening the connection
/// is skipped and every command is written down instead of sent, answered by one row of plausible values (ids 1, flags
/// true, text "{}" so that stored JSON reads as an empty object). So portal code runs as it does in production up to the SQL, and a query SQL Server cannot
/// translate throws here, where a test sees it.
/// </summary>
public sealed class SqlServerDryRun : IAsyncDisposable
{
    public const string ConnectionString = "Server=dry-run.invalid;Database=CivicPairing;User Id=nobody;Password=none;Encrypt=False";

    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;
    private readonly Recorder _recorder = new();

    public SqlServerDryRun()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero)));
        services.AddSingleton<CityClock>();
        services.AddMemoryCache();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddDbContext<AppDbContext, SqlServerAppDbContext>(o => o.UseSqlServer(ConnectionString).AddInterceptors(_recorder, new NoConnection()));
        services.AddScoped<PartyAccess>();
        services.AddScoped<CivicPairing.Web.Identity.PeopleNames>();
        services.AddScoped<ScoringFacts>();
        services.AddSingleton<FactsStore.InFlight>();
        services.AddScoped<FactsStore>();
        services.AddScoped<ProvisionalScores>();
        services.AddScoped<Dashboards>();
        services.AddScoped<CivicPairing.Web.Features.Audit.AuditNarrator>();
        // What controllers ask for besides the data: validators, uploads and imports (never reached here), views' plumbing.
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment
        {
            EnvironmentName = "Testing", ContentRootPath = Path.GetTempPath(), ApplicationName = "CivicPairing.Web",
        });
        services.AddSingleton<CivicPairing.Web.Infrastructure.Evidence.IEvidenceStore, CivicPairing.Web.Infrastructure.Evidence.LocalDiskEvidenceStore>();
        services.AddScoped<CivicPairing.Web.Infrastructure.Evidence.EvidenceUploads>();
        services.AddScoped<CivicPairing.Web.Infrastructure.Imports.SpreadsheetImport>();
        // The members' pages make accounts (never reached here) through Identity's user manager.
        services.AddIdentityCore<CivicPairing.Web.Identity.AppUser>().AddEntityFrameworkStores<AppDbContext>();
        services.AddScoped<CivicPairing.Web.Features.Members.MemberAccounts>();
        services.AddOptions<CivicPairing.Web.Features.Notifications.NotificationOptions>();
        services.AddSingleton<CivicPairing.Web.Features.Notifications.NotificationInstance>();
        services.AddSingleton<CivicPairing.Web.Features.Notifications.EmailSender>();
        services.AddHttpClient();
        services.AddSingleton<CivicPairing.Web.Features.Notifications.WebhookSender>();
        services.AddScoped<CivicPairing.Web.Features.Notifications.NotificationWork>();
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        services.AddControllersWithViews();
        // View components render their view when invoked (the panels); Razor's page activator asks for this.
        services.AddSingleton(new System.Diagnostics.DiagnosticListener("dry-run"));
        services.AddSingleton<System.Diagnostics.DiagnosticSource>(sp => sp.GetRequiredService<System.Diagnostics.DiagnosticListener>());
        _root = services.BuildServiceProvider();
        _scope = _root.CreateAsyncScope();
    }

    public IServiceProvider Services => _scope.ServiceProvider;
    public AppDbContext Db => Services.GetRequiredService<AppDbContext>();
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The SQL written so far, in order.</summary>
    public IReadOnlyList<string> Commands => _recorder.Commands;

    /// <summary>Writes down a query's SQL without running it.</summary>
    public void Translate(IQueryable query) => _recorder.Commands.Add(query.ToQueryString());

    /// <summary>A controller of the portal as MVC would make it, for a signed-in user of the given role and party.</summary>
    public T Controller<T>(ClaimsPrincipal user) where T : Controller
    {
        var controller = ActivatorUtilities.CreateInstance<T>(Services);
        controller.ControllerContext = new() { HttpContext = new DefaultHttpContext { RequestServices = Services, User = user } };
        controller.Url = new StubUrls();
        return controller;
    }

    /// <summary>A view component of the portal (the home pages' panels) as a view would invoke it, for a signed-in user.</summary>
    public T Component<T>(ClaimsPrincipal user) where T : ViewComponent
    {
        var component = ActivatorUtilities.CreateInstance<T>(Services);
        component.ViewComponentContext = new ViewComponentContext
        {
            ViewContext = new Microsoft.AspNetCore.Mvc.Rendering.ViewContext { HttpContext = new DefaultHttpContext { RequestServices = Services, User = user } },
        };
        return component;
    }

    public static ClaimsPrincipal User(string role, int? unitId = null, int? communityId = null, int? memberId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "user-1"), new(ClaimTypes.Name, "someone"), new(ClaimTypes.Role, role) };
        if (unitId is { } u)
        {
            claims.Add(new(PartyClaims.UnitId, u.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (communityId is { } c)
        {
            claims.Add(new(PartyClaims.CommunityId, c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (memberId is { } m)
        {
            claims.Add(new(PartyClaims.MemberId, m.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }

    private sealed class StubUrls : IUrlHelper
    {
        public ActionContext ActionContext { get; } = new();
        public string? Action(UrlActionContext actionContext) => "/" + actionContext.Controller + "/" + actionContext.Action;
        public string? Content(string? contentPath) => contentPath;
        public bool IsLocalUrl(string? url) => true;
        public string? Link(string? routeName, object? values) => "/";
        public string? RouteUrl(UrlRouteContext routeContext) => "/";
    }

    /// <summary>Never opens the SqlConnection (there is no server); EF carries on as if it had.</summary>
    private sealed class NoConnection : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(InterceptionResult.Suppress());
    }

    /// <summary>Writes each command's SQL down and answers it without a server.</summary>
    private sealed class Recorder : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Commands.Add(command.CommandText);
            return InterceptionResult<DbDataReader>.SuppressWithResult(new OneRow());
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ReaderExecuting(command, eventData, result));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Commands.Add(command.CommandText);
            return InterceptionResult<object>.SuppressWithResult(1);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ScalarExecuting(command, eventData, result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Commands.Add(command.CommandText);
            return InterceptionResult<int>.SuppressWithResult(1);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(NonQueryExecuting(command, eventData, result));
    }

    /// <summary>One row whose every column reads as a plausible value of the type asked for.</summary>
    private sealed class OneRow : DbDataReader
    {
        private static readonly DateTime Day = new(2026, 11, 24);
        private bool _done;

        public override bool Read()
        {
            var first = !_done;
            _done = true;
            return first;
        }

        public override Task<bool> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Read());
        public override bool NextResult() => false;
        public override int FieldCount => 512;
        public override bool HasRows => true;
        public override bool IsClosed => false;
        public override int RecordsAffected => 1;
        public override int Depth => 0;
        public override object this[int ordinal] => GetValue(ordinal);
        public override object this[string name] => 1;
        public override bool GetBoolean(int ordinal) => true;
        public override byte GetByte(int ordinal) => 1;
        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => 0;
        public override char GetChar(int ordinal) => 'a';
        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => 0;
        public override string GetDataTypeName(int ordinal) => "int";
        public override DateTime GetDateTime(int ordinal) => Day;
        public override decimal GetDecimal(int ordinal) => 1;
        public override double GetDouble(int ordinal) => 1;
        public override Type GetFieldType(int ordinal) => typeof(int);
        public override float GetFloat(int ordinal) => 1;
        public override Guid GetGuid(int ordinal) => Guid.Empty;
        public override short GetInt16(int ordinal) => 1;
        public override int GetInt32(int ordinal) => 1;
        public override long GetInt64(int ordinal) => 1;
        public override string GetName(int ordinal) => "Value";
        public override int GetOrdinal(string name) => 0;
        public override string GetString(int ordinal) => "{}";
        public override object GetValue(int ordinal) => 1;
        public override int GetValues(object[] values)
        {
            Array.Fill(values, 1);
            return values.Length;
        }

        public override bool IsDBNull(int ordinal) => false;
        public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => Task.FromResult(false);

        public override T GetFieldValue<T>(int ordinal) => (T)(typeof(T) switch
        {
            var t when t == typeof(DateOnly) => DateOnly.FromDateTime(Day),
            var t when t == typeof(DateTimeOffset) => new DateTimeOffset(Day, TimeSpan.Zero),
            var t when t == typeof(DateTime) => Day,
            var t when t == typeof(TimeOnly) => TimeOnly.MinValue,
            var t when t == typeof(TimeSpan) => TimeSpan.Zero,
            var t when t == typeof(string) => "{}",
            var t when t == typeof(byte[]) => Array.Empty<byte>(),
            var t when t == typeof(bool) => true,
            var t when t == typeof(Guid) => Guid.Empty,
            var t when t == typeof(int) => 1,
            var t when t == typeof(long) => 1L,
            var t when t == typeof(short) => (short)1,
            var t when t == typeof(byte) => (byte)1,
            var t when t == typeof(decimal) => 1m,
            var t when t == typeof(double) => 1d,
            var t when t == typeof(float) => 1f,
            _ => (object)default(T)!,
        });

        public override IEnumerator GetEnumerator() => throw new NotSupportedException();
    }
}
