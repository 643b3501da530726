using NightPos.Dispatch.Load;

// The three contenders share one sink and run one after the other in the same process, so that
// their figures compare within one run (STACK-NOTES: never against another day's number).
var options = LoadOptions.Parse(args);
var rows = new List<Measurement>();

Console.Error.WriteLine($"MailKit loop, {options.Messages} messages ...");
rows.Add(await MailKitLoop.RunAsync(options));
Console.Error.WriteLine($"Postfix relay, {options.Messages} messages ...");
rows.Add(await PostfixRelay.RunAsync(options));
foreach (var servers in options.ServerCounts)
{
    Console.Error.WriteLine($"Host with {servers} servers, {options.Messages} messages ...");
    await using var run = new HostRun(options, servers);
    rows.Add(await run.RunAsync());
}

ResultTable.Write(Console.Out, rows);
