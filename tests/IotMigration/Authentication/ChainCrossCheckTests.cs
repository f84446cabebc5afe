using System.Security.Cryptography.X509Certificates;
using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

namespace GpuTwin.Tests.IotMigration.Authentication;

/// <summary>
/// The platform's X509Chain as an independent cross-check of the explicit checks (spec iot_migration.md §6.A.3):
/// with the TA as the only custom root, no revocation checking and t_v as the verification time, good, revoked
/// and wrong-key certificates build; expired, rogue-issuer and tampered ones do not.
/// </summary>
[Collection(AuthorityCollection.Name)]
public class ChainCrossCheckTests(AuthorityFixture fixture)
{
    private readonly X509CredentialAuthority _ca = fixture.Authority;

    private bool Builds(int poolIndex, double simulatedSeconds, out X509ChainStatusFlags status)
    {
        using var ta = X509CertificateLoader.LoadCertificate(_ca.GetTrustAnchorDer());
        using var leaf = X509CertificateLoader.LoadCertificate(_ca.GetCertificateDer(poolIndex));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ta);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = _ca.VerificationTime(simulatedSeconds).UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        bool built = chain.Build(leaf);
        status = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (s, c) => s | c.Status);
        return built;
    }

    [Theory]
    [InlineData(AuthReason.Ok, true)]
    [InlineData(AuthReason.Revoked, true)]
    [InlineData(AuthReason.WrongKey, true)]
    [InlineData(AuthReason.Expired, false)]
    [InlineData(AuthReason.WrongIssuer, false)]
    [InlineData(AuthReason.Tampered, false)]
    public void ChainBuild_AgreesWithTheExplicitChecks(AuthReason kind, bool builds)
    {
        for (int j = 0; j < _ca.PoolBad; j++)
        {
            int p = _ca.PoolIndexOf(kind, j);
            Assert.Equal(builds, Builds(p, 3600, out var status));
            Assert.Equal(kind, _ca.Verdicts[p]);
            if (kind == AuthReason.Expired) Assert.True(status.HasFlag(X509ChainStatusFlags.NotTimeValid), status.ToString());
        }
    }

    [Fact]
    public void ChainBuild_UsesTheSimulatedTime_NotTheWallClock()
    {
        // 2 years after SimEpoch even a good credential has expired for the chain engine
        Assert.True(Builds(0, 0, out _));
        Assert.False(Builds(0, 2 * 365 * 86400.0, out var status));
        Assert.True(status.HasFlag(X509ChainStatusFlags.NotTimeValid));
    }
}
