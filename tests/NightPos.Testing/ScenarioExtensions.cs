using Alba;

namespace NightPos.Testing;

public static class ScenarioExtensions
{
    public static Scenario WithKey(this Scenario scenario, string key)
    {
        scenario.WithRequestHeader("Authorization", $"Bearer {key}");
        return scenario;
    }

    public static Scenario AsAdmin(this Scenario scenario) => scenario.WithKey(TestKeys.Admin);

    public static Scenario AsAuditor(this Scenario scenario) => scenario.WithKey(TestKeys.Auditor);

    public static Scenario AsSender(this Scenario scenario) => scenario.WithKey(TestKeys.Sender);
}
