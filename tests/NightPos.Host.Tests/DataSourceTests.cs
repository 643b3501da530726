using Microsoft.Extensions.DependencyInjection;
using NightPos.Host.Configuration;
using NightPos.Testing;
using Npgsql;

namespace NightPos.Host.Tests;

/// <summary>
/// ADR 0022: the shared data source prepares the statements its connections run most, unless
/// the administrator's connection string says otherwise.
/// </summary>
public sealed class DataSourceTests(NightPosApp app)
{
    [Theory]
    [InlineData("Host=db;Database=nightpos", PostgresConnection.DefaultMaxAutoPrepare)]
    [InlineData("Host=db;Database=nightpos;Max Auto Prepare=10", 10)]
    [InlineData("Host=db;Database=nightpos;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=nightpos;maxautoprepare=0", 0)]
    [InlineData("Host=db;Database=nightpos;Auto Prepare Min Usages=3",
        PostgresConnection.DefaultMaxAutoPrepare)]
    public void Preparation_is_on_unless_the_connection_string_chooses(
        string connectionString, int expected)
    {
        var settings = new NpgsqlConnectionStringBuilder(
            PostgresConnection.WithDefaults(connectionString));

        Assert.Equal(expected, settings.MaxAutoPrepare);
        Assert.Equal("db", settings.Host);
    }

    [Fact]
    public void Password_survives_the_defaults()
    {
        var settings = new NpgsqlConnectionStringBuilder(
            PostgresConnection.WithDefaults("Host=db;Username=mail;Password='s3;cr=t'"));

        Assert.Equal("s3;cr=t", settings.Password);
        Assert.Equal(PostgresConnection.DefaultMaxAutoPrepare, settings.MaxAutoPrepare);
    }

    [Fact]
    public void Running_host_shares_a_data_source_that_prepares_statements()
    {
        var dataSource = app.Host.Services.GetRequiredService<NpgsqlDataSource>();

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Equal(PostgresConnection.DefaultMaxAutoPrepare, settings.MaxAutoPrepare);
    }
}
