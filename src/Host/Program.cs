using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using Marten;
using Weasel.Core;
using Npgsql;
using NightPos.Dispatch;
using NightPos.Domains;
using NightPos.Host.Configuration;
using NightPos.Host.Security;
using NightPos.Host.Startup;
using NightPos.Host.Telemetry;
using NightPos.Notifications;
using NightPos.Servers;
using NightPos.Host.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

try
{
    // Settings are read once, at start (docs/operations.md: a change takes a restart). Watching
    // appsettings.json would watch the whole content root with its subfolders, and a
    // PostgreSQL data folder there costs the host CPU on each of its writes.
    var builder = WebApplication.CreateBuilder(
        [.. args, "--hostBuilder:reloadConfigOnChange=false"]);
    var connectionString = PostgresConnection.Resolve(builder.Configuration);

    builder.Services.AddOptions<NightPosOptions>()
        .BindConfiguration(NightPosOptions.Section)
        .ValidateOnStart();
    builder.Services.AddSingleton<
        Microsoft.Extensions.Options.IValidateOptions<NightPosOptions>, AuthOptionsValidator>();
    builder.Services.AddSingleton<
        Microsoft.Extensions.Options.IValidateOptions<NightPosOptions>, SecretsOptionsValidator>();
    builder.Services.AddSingleton(TimeProvider.System);

    // Registered first so that it runs before Marten and Wolverine touch the database.
    builder.Services.AddSingleton(PostgresConnection.CreateDataSource(connectionString));
    builder.Services.AddHostedService<DatabaseReachabilityCheck>();

    builder.Services.AddMarten(opts =>
        {
            opts.DatabaseSchemaName = "nightpos";
            opts.Events.DatabaseSchemaName = "nightpos";
            opts.Events.MetadataConfig.UserNameEnabled = true;
            opts.Events.MetadataConfig.HeadersEnabled = true;
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        })
        .UseNpgsqlDataSource()
        .UseLightweightSessions()
        // Marten's own migration takes an advisory lock, so hosts starting together on an
        // empty database take turns; the generic resource setup ran the same DDL unlocked and
        // the second host failed on "relation already exists" (SPEC R18, ADR 0007).
        .ApplyAllDatabaseChangesOnStartup()
        .IntegrateWithWolverine();
    builder.Services.ConfigureMarten((services, opts) =>
        opts.Events.TimeProvider = services.GetRequiredService<TimeProvider>());

    builder.Host.UseWolverine(opts =>
    {
        opts.ServiceName = WolverineServiceName;

        // The pre-generated handlers live in this assembly (ADR 0004) while the handlers
        // themselves live in the modules; under a test runner the entry assembly is the test
        // project's, so Wolverine must be told where to look.
        opts.ApplicationAssembly = typeof(Program).Assembly;
        opts.EnableRelayOfUserName = true;
        opts.Policies.AutoApplyTransactions();
        opts.Policies.UseDurableLocalQueues();
        opts.Policies.UseDurableInboxOnAllListeners();
        opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
        opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
    });

    builder.Services
        .AddDomainsModule()
        .AddServersModule()
        .AddDispatchModule()
        .AddNotificationsModule(builder.Configuration);

    builder.Services.AddWolverineHttp();
    builder.Services.ConfigureHttpJsonOptions(opts => opts.SerializerOptions.Converters.Add(
        new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)));
    builder.Services.AddProblemDetails(opts =>
        opts.CustomizeProblemDetails = ProblemDetailDefaults.Fill);
    builder.Services.AddApiKeySecurity();
    builder.Services.AddOpenApi();
    builder.Services.AddNightPosTelemetry(builder.Configuration, WolverineServiceName);
    builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgresql");

    var app = builder.Build();

    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseAdminPages();
    app.UseAuthentication();
    app.UseAuthorization();

    app.MapHealthChecks("/health").AllowAnonymous();
    app.MapOpenApi().AllowAnonymous();
    app.MapWolverineEndpoints(opts =>
    {
        opts.RequireAuthorizeOnAll();
        opts.RejectUnparseableQueryValues = true;
    });

    return await app.RunJasperFxCommands(args);
}
catch (HostConfigurationException e)
{
    await Console.Error.WriteLineAsync($"NightPOS Mail cannot start: {e.Message}");
    return 2;
}
public partial class Program
{
    private const string WolverineServiceName = "nightpos";
}
