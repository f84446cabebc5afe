using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

namespace GpuTwin.Tests.IotMigration.Authentication;

/// <summary>One small authority shared by the authentication tests: 16 good, 2 of each bad kind, 3 edge servers.</summary>
public sealed class AuthorityFixture : IDisposable
{
    public const int Good = 16, Bad = 2, Servers = 3;

    public X509CredentialAuthority Authority { get; } = new(poolGood: Good, poolBad: Bad, edgeServers: Servers);

    public void Dispose() => Authority.Dispose();
}

[CollectionDefinition(Name)]
public sealed class AuthorityCollection : ICollectionFixture<AuthorityFixture>
{
    public const string Name = "iot-migration authority";
}
