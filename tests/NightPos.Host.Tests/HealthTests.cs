using Alba;
using NightPos.Testing;

namespace NightPos.Host.Tests;

public sealed class HealthTests(NightPosApp app)
{
    [Fact]
    public async Task Health_answers_200_without_a_key()
    {
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/health");
            s.StatusCodeShouldBeOk();
        });
    }

    [Fact]
    public async Task OpenApi_document_lists_the_module_endpoints()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/openapi/v1.json"));

        var document = await result.ReadAsTextAsync();
        Assert.Contains("\"/api/history\"", document);
    }
}
