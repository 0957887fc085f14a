using System.Text.Json;
using CivicPairing.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class AssessmentPeriodConfiguration : IEntityTypeConfiguration<AssessmentPeriod>
{
    public void Configure(EntityTypeBuilder<AssessmentPeriod> builder)
    {
        // The rules travel as one JSON value: they change together and are audited before and after as a whole.
        builder.Property(p => p.Rules)
            .HasConversion(r => JsonSerializer.Serialize(r, JsonSerializerOptions.Default), s => JsonSerializer.Deserialize<ScoringRules>(s, JsonSerializerOptions.Default)!,
                new ValueComparer<ScoringRules>((a, b) => Equals(a, b), r => r.GetHashCode(), r => r))
            .HasMaxLength(2000)
            .IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.From);
        builder.Ignore(p => p.To);
        builder.HasIndex(p => new { p.Year, p.Quarter }).IsUnique();
    }
}

public sealed class PublishedReportConfiguration : IEntityTypeConfiguration<PublishedReport>
{
    public void Configure(EntityTypeBuilder<PublishedReport> builder)
    {
        builder.HasOne<AssessmentPeriod>().WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.PublishedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.CorrectionNote).HasMaxLength(1000);
        builder.HasIndex(r => new { r.PeriodId, r.VersionNumber }).IsUnique();
    }
}
