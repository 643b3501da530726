using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Servers.Tests;

public sealed class ServerRoutesTests(ServersApp app)
{
    [Fact]
    public async Task Post_answers_201_with_the_server_without_its_secrets()
    {
        var server = await ServerApi.AddAsync(app.Host, ServerApi.LoginServer("Mailjet"));

        Assert.Equal("Mailjet", server.GetProperty("name").GetString());
        Assert.Equal("smtp.example.com", server.GetProperty("host").GetString());
        Assert.Equal(587, server.GetProperty("port").GetInt32());
        Assert.Equal("starttls", server.GetProperty("encryption").GetString());
        Assert.Equal("login", server.GetProperty("authentication").GetString());
        Assert.Equal("mailer", server.GetProperty("username").GetString());
        Assert.True(server.GetProperty("hasPassword").GetBoolean());
        Assert.Equal(10, server.GetProperty("priority").GetInt32());
        Assert.True(server.GetProperty("active").GetBoolean());
        Assert.False(server.TryGetProperty("password", out _));
    }
}
