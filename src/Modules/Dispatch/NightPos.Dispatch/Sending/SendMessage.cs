using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Delivery;
using NightPos.Dispatch.Routing;
using NightPos.Dispatch.Telemetry;
using NightPos.Kernel;
using Wolverine;
using Wolverine.Http;

namespace NightPos.Dispatch.Sending;

/// <summary><c>POST /api/messages</c> (API.md): the send command over HTTP, answered 202.</summary>
public static class SendMessageEndpoint
{
    public static ProblemDetails Validate(SendMessage command, DeliverySettings settings)
    {
        var refusal = SendMessageRules.Check(command, settings, out _);
        return refusal is null ? WolverineContinue.NoProblems : Problems.From(refusal);
    }

    [WolverinePost("/api/messages")]
    [Authorize(Policy = Policies.Send)]
    public static async Task<IResult> Post(
        SendMessage command,
        DeliverySettings settings,
        IRouter router,
        IDocumentSession session,
        IMessageBus bus,
        IntakeWriter writer,
        TimeProvider clock,
        DispatchMetrics metrics,
        CancellationToken cancellation)
    {
        SendMessageRules.Check(command, settings, out var recipients);
        var (accepted, refusal) = await MessageIntake.RecordAsync(
            command, recipients, router, session, bus, writer, clock, metrics, cancellation);

        return refusal is not null
            ? Problems.ToResult(refusal)
            : Results.Accepted($"/api/messages/{accepted!.Id}", accepted);
    }
}

/// <summary>
/// The send command in-process: <c>IMessageBus.InvokeAsync&lt;MessageAccepted&gt;</c>. A refusal
/// throws <see cref="MessageRefusedException"/>; nothing is recorded then.
/// </summary>
public static class SendMessageHandler
{
    public static async Task<MessageAccepted> Handle(
        SendMessage command,
        DeliverySettings settings,
        IRouter router,
        IDocumentSession session,
        IMessageBus bus,
        IntakeWriter writer,
        TimeProvider clock,
        DispatchMetrics metrics,
        CancellationToken cancellation)
    {
        var refusal = SendMessageRules.Check(command, settings, out var recipients);
        if (refusal is not null)
        {
            throw new MessageRefusedException(refusal.Field, refusal.Status, refusal.Detail);
        }

        var (accepted, routeRefusal) = await MessageIntake.RecordAsync(
            command, recipients, router, session, bus, writer, clock, metrics, cancellation);
        return accepted ?? throw new MessageRefusedException(
            routeRefusal!.Field, routeRefusal.Status, routeRefusal.Detail);
    }
}
