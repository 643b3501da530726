namespace NightPos.Testing;

/// <summary>The bearer keys every test host is configured with, one per role.</summary>
public static class TestKeys
{
    public const string Admin = "test-admin-key-5f0c2a9e";
    public const string Auditor = "test-auditor-key-81d3b7c4";
    public const string Sender = "test-sender-key-3e6a90f1";

    /// <summary>The master key of stored secrets (ADR 0008): the base64 of 32 bytes.</summary>
    public const string MasterKey = "dGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzLW9rISE=";
}
