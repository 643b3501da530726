using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NightPos.Domains.Contracts;
using NightPos.Kernel;
using NightPos.Kernel.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace NightPos.Notifications.Threads;

/// <summary>Opens the thread of one ERP record (<c>POST /api/threads</c>).</summary>
/// <param name="CompanyId">The record's company; null for the first company.</param>
/// <param name="Model">The kind of record, e.g. <c>sale.order</c>.</param>
public sealed record OpenThread(Guid? CompanyId, string? Model, string? RecordId, string? Subject);

/// <summary>201 answer of <see cref="OpenThread"/>, pointing at the new thread.</summary>
public sealed record ThreadCreated(Guid Id) : CreationResponse($"/api/threads/{Id}");

public static class OpenThreadEndpoint
{
    private const int MaxModelLength = 128;
    private const int MaxRecordIdLength = 128;
    private const int MaxSubjectLength = 255;

    public static async Task<OpenThreadContext> LoadAsync(
        OpenThread command,
        IMessageBus bus,
        IDocumentSession session,
        CancellationToken cancellation)
    {
        var configuration = await bus.InvokeAsync<DomainsConfiguration>(
            new GetDomainsConfiguration(), cancellation);
        var exists = Normalized(command, new FieldErrors()) is { } thread
            && await session.Events.FetchStreamStateAsync(thread.Id, cancellation) is not null;
        return new OpenThreadContext(configuration, exists);
    }

    public static ProblemDetails Validate(OpenThread command, OpenThreadContext context)
    {
        var errors = new FieldErrors();
        var thread = Normalized(command, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (CompanyOf(command, context.Configuration) is null)
        {
            return command.CompanyId is { } id
                ? FieldErrors.NotFound("companyId", $"companyId {id} is not a company of this "
                    + "installation; GET /api/companies lists them.")
                : FieldErrors.Invalid("companyId", "The installation has no company yet.");
        }

        if (context.ThreadExists)
        {
            var problem = FieldErrors.Conflict("recordId", $"{thread!.Model} {thread.RecordId} "
                + $"already has a thread, {thread.Id}: post on it instead of opening another.");
            problem.Extensions["threadId"] = thread.Id;
            return problem;
        }

        return WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/threads")]
    [Authorize(Policy = Policies.Send)]
    public static (ThreadCreated, IStartStream, IMartenOp) Post(
        OpenThread command,
        OpenThreadContext context)
    {
        var configuration = context.Configuration;
        var thread = Normalized(command, new FieldErrors())!;
        var company = CompanyOf(command, configuration)!;
        var domain = configuration.AliasDomains.First(d => d.Id == company.AliasDomainId).Domain;

        var opened = new ThreadOpened(thread.Id, company.Id, thread.Model, thread.RecordId,
            thread.Subject, MessageIds.ForThread(thread.Id, domain));
        // The root id is the one every notification of the thread references (ADR 0013).
        return (new ThreadCreated(thread.Id),
            MartenOps.StartStream<MessageThread>(thread.Id, opened),
            MartenOps.Store(new ThreadMessageId(opened.MessageId, thread.Id, null, null)));
    }

    /// <summary>
    /// One record has one thread: its id is derived from the record, so opening it twice is a
    /// conflict rather than a second, silent thread.
    /// </summary>
    public static Guid IdFor(string model, string recordId) =>
        MessageIds.Deterministic($"thread:{model}:{recordId}");

    private static CompanyInfo? CompanyOf(OpenThread command, DomainsConfiguration configuration) =>
        command.CompanyId is { } id
            ? configuration.Companies.FirstOrDefault(c => c.Id == id)
            : configuration.Companies.FirstOrDefault();

    private static NewThread? Normalized(OpenThread command, FieldErrors errors)
    {
        var model = errors.Check("model", command.Model, NormalizeModel);
        var recordId = errors.Text("recordId", command.RecordId, MaxRecordIdLength);
        var subject = errors.Text("subject", command.Subject, MaxSubjectLength);
        return model is null || recordId is null || subject is null
            ? null
            : new NewThread(IdFor(model, recordId), model, recordId, subject);
    }

    private static string? NormalizeModel(string? input, out string? error)
    {
        var text = input?.Trim().ToLowerInvariant() ?? "";
        error = text.Length == 0 ? "is empty"
            : text.Length > MaxModelLength ? $"is longer than {MaxModelLength} characters"
            : !char.IsAsciiLetterLower(text[0])
                || !text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)
                    || c is '.' or '_')
                ? "is not a model name (a letter, then letters, digits, '.' or '_', "
                    + "e.g. sale.order)"
            : null;
        return error is null ? text : null;
    }

    /// <summary>What opening a thread needs to know besides the command.</summary>
    public sealed record OpenThreadContext(DomainsConfiguration Configuration, bool ThreadExists);

    private sealed record NewThread(Guid Id, string Model, string RecordId, string Subject);
}
