using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

namespace GpuTwin.Tests.IotMigration.Authentication;

/// <summary>No key leaves the authority: the public surface hands out certificates, the CRL, verdicts and signatures only.</summary>
[Collection(AuthorityCollection.Name)]
public class PublicSurfaceTests(AuthorityFixture fixture)
{
    private static bool CarriesKeyMaterial(Type t) =>
        typeof(AsymmetricAlgorithm).IsAssignableFrom(t) || typeof(X509Certificate).IsAssignableFrom(t)
        || typeof(SafeHandle).IsAssignableFrom(t) || t == typeof(ECParameters) || t == typeof(PublicKey)
        || (t.HasElementType && CarriesKeyMaterial(t.GetElementType()!))
        || (t.IsGenericType && t.GetGenericArguments().Any(CarriesKeyMaterial));

    [Fact]
    public void NoPublicMember_ReturnsOrTakesKeysOrCertificateObjects()
    {
        var types = typeof(X509CredentialAuthority).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(X509CredentialAuthority).Namespace).ToArray();
        Assert.Contains(typeof(UserSession), types);
        Assert.Contains(typeof(EdgeSession), types);
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
        foreach (var type in types)
        {
            foreach (var p in type.GetProperties(Public)) Assert.False(CarriesKeyMaterial(p.PropertyType), $"{type.Name}.{p.Name}");
            foreach (var f in type.GetFields(Public)) Assert.False(CarriesKeyMaterial(f.FieldType), $"{type.Name}.{f.Name}");
            foreach (var m in type.GetMethods(Public))
            {
                Assert.False(CarriesKeyMaterial(m.ReturnType), $"{type.Name}.{m.Name}");
                Assert.All(m.GetParameters(), a => Assert.False(CarriesKeyMaterial(a.ParameterType), $"{type.Name}.{m.Name}({a.Name})"));
            }
            if (type != typeof(X509CredentialAuthority)) Assert.Empty(type.GetConstructors());
        }
    }

    [Fact]
    public void HandedOutDer_CarriesNoPrivateKey_AndIsACopy()
    {
        var ca = fixture.Authority;
        foreach (var der in new[] { ca.GetTrustAnchorDer(), ca.GetCertificateDer(0), ca.GetEdgeCertificateDer(0) })
        {
            using var c = X509CertificateLoader.LoadCertificate(der);
            Assert.False(c.HasPrivateKey);
        }
        byte[] copy = ca.GetCertificateDer(1);
        copy[^1] ^= 0xFF;
        Assert.NotEqual(copy, ca.GetCertificateDer(1));
        Assert.Equal(AuthReason.Ok, ca.LiveHandshake(1, 0, 0, 0, 0, 1, 9));
    }
}
