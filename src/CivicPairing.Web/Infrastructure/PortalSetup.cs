using System.Text.Encodings.Web;
using System.Text.Unicode;
using CivicPairing.Web.Auditing;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using Serilog;

namespace CivicPairing.Web.Infrastructure;

/// <summary>Service registration and the request pipeline, kept out of Program.cs so commands and tests share them.</summary>
public static class PortalSetup
{
    public static void AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Each host owns its logger and closes it when it stops; the static Log.Logger stays the start-up logger. Had
        // the host taken the static logger over, a host stopping would close whichever logger was set last: with
        // several portals in one process (the integration tests) one portal's end silenced another's log file.
        builder.Host.UseSerilog((context, logger) =>
        {
            logger.ReadFrom.Configuration(LogFile.WithResolvedPath(context.Configuration, context.HostingEnvironment.ContentRootPath))
                .Enrich.FromLogContext();
            if (InstanceName(context.Configuration) is { } instance)
            {
                logger.Enrich.WithProperty("Instance", instance);
            }
        }, preserveStaticLogger: true);

        // Time is a dependency: "now" and "today" come from here, never from the system clock directly (tests pin it).
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CityClock>();
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<PartyAccess>();
        services.AddScoped<PeopleNames>();
        services.AddScoped<Features.Ranking.ScoringFacts>();
        services.AddMemoryCache();
        services.Configure<ListOptions>(configuration.GetSection("Lists"));
        services.Configure<Features.Ranking.ScoringOptions>(configuration.GetSection("Scoring"));
        services.Configure<Features.Needs.NeedOptions>(configuration.GetSection("Needs"));
        services.Configure<Features.AidHouseholds.AidHouseholdOptions>(configuration.GetSection("AidHouseholds"));
        services.AddSingleton<Features.Ranking.FactsStore.InFlight>();
        services.AddScoped<Features.Ranking.FactsStore>();
        services.AddScoped<Features.Ranking.ProvisionalScores>();
        services.AddHostedService<Features.Ranking.FactsWarmer>();
        services.AddScoped<Features.Home.Dashboards>();
        services.AddScoped<Features.Audit.AuditNarrator>();
        services.AddSingleton<Evidence.IEvidenceStore, Evidence.LocalDiskEvidenceStore>();
        services.AddScoped<Evidence.EvidenceUploads>();
        services.AddScoped<Infrastructure.Imports.SpreadsheetImport>();
        services.AddScoped<Features.Members.MemberAccounts>();
        services.Configure<Features.Notifications.NotificationOptions>(configuration.GetSection("Notifications"));
        services.AddSingleton<Features.Notifications.NotificationInstance>();
        services.AddSingleton<Features.Notifications.EmailSender>();
        services.AddHttpClient(Features.Notifications.WebhookSender.ClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<Features.Notifications.WebhookSender>();
        services.AddScoped<Features.Notifications.NotificationWork>();
        services.AddHostedService<Features.Notifications.NotificationWorker>();
        services.AddAppDatabase(configuration, builder.Environment);

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();
        // Sessions end at once on every instance: the stamp is checked against the database on every request
        // (SessionStampValidator, docs/adr/0003-sessions-end-at-once.md). The interval is zero too for Identity's own
        // validator, were it ever put back: it checks once more than the interval has passed since the cookie was issued.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, SessionStampValidator>());
        services.AddSingleton<SignInThrottle>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.Cookie.Name = "cp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // A signed-in user without the right gets a 403 page, not a redirect to a login they already did.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddDataProtection()
            .SetApplicationName("CivicPairing")
            .PersistKeysToDbContext<AppDbContext>();

        services.AddAuthorizationBuilder()
            // Deny by default, and to the staff roles only: a party member reaches the pages marked for them (their own page,
            // sign-out, password change) and nothing of the programme's records.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.Staff).Build());

        services.AddAppLocalization();
        // Chinese text goes out as characters, not as &#x…; escapes: readable source, a third of the bytes.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add(new PasswordChangeGate());
                o.Filters.Add<Validation.UnreadableValuesFilter>();
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            // Model binding's own messages ("abc" typed into a number field) in the user's language too.
            var l = factory.Create(typeof(SharedResource));
            var messages = o.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => l["'{0}' is not a valid value for {1}.", value, field]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["'{0}' is not valid.", value]);
            messages.SetUnknownValueIsInvalidAccessor(field => l["'{0}' is not a valid value for {1}.", "", field]);
            messages.SetValueIsInvalidAccessor(value => l["'{0}' is not valid.", value]);
            messages.SetValueMustBeANumberAccessor(field => l["{0} must be a number.", field]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => l["{0} must be a number.", ""]);
            messages.SetValueMustNotBeNullAccessor(_ => l["A value is required."]);
            messages.SetMissingKeyOrValueAccessor(() => l["A value is required."]);
            messages.SetMissingBindRequiredValueAccessor(_ => l["A value is required."]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => l["A value is required."]);
        });
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);

        // /readyz: ready when the database answers (EF Core's CanConnect, as the hand-written check before it; for SQLite: the file is there).
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);

        // Behind the reverse proxy (docs/operations.md) the request's scheme and client address are the proxy's word,
        // believed only from the proxies named here: loopback always (a proxy on the same host), plus
        // Proxy:KnownProxies (addresses) and Proxy:KnownNetworks (CIDR). Then HSTS and Secure cookies follow the
        // browser's https, and the sign-in limit counts each client, not the proxy.
        // Every cookie is Secure when the browser's request was https (directly or through the proxy).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            foreach (var proxy in configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            foreach (var network in configuration.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    /// <summary>
    /// <c>Instance:Name</c>, when set: each response names the instance that answered it (header
    /// <see cref="InstanceHeader"/>) and each log event carries it, so an operator behind a load balancer sees which
    /// instance served a request. Unset (the default) neither is sent.
    /// </summary>
    public static string? InstanceName(IConfiguration configuration) =>
        configuration["Instance:Name"] is { Length: > 0 } name ? name.Trim() : null;

    public const string InstanceHeader = "X-CivicPairing-Instance";

    public static void UsePortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (InstanceName(app.Configuration) is { } instance)
        {
            app.Use((context, next) =>
            {
                // At the start of the response, so the error pages' cleared headers get it too.
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[InstanceHeader] = instance;
                    return Task.CompletedTask;
                });
                return next(context);
            });
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        else
        {
            app.UseDeveloperExceptionPage();
        }
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseSerilogRequestLogging(options =>
        {
            options.GetLevel = RequestLogLevel.Of;
            // This host's own logger: the static Log.Logger is only the start-up logger (see AddPortal).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
        });
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}").WithStaticAssets();
    }

    /// <summary>Prints where to sign in, once Kestrel knows its real addresses.</summary>
    public static void AnnounceAddressesOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Console.WriteLine($"CivicPairing is running: open {address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal)}/Account/Login");
            }
            if (Seeding.DemoSeeder.IsEnabled(app.Environment, app.Configuration))
            {
                Console.WriteLine($"Demo accounts (password {Seeding.DemoSeeder.Password}): " + string.Join(", ", Seeding.DemoSeeder.Accounts.Select(a => $"{a.UserName} ({a.Role})")));
            }
        });
    }
}
