using System.Security.Cryptography;
using Detector.Pipeline.Enforcement.Signing;

namespace Detector.Kafka.Tests.Signing;

/// <summary>Signing configurations made up per test: HS256 secrets and ES256 key pairs.</summary>
internal static class TestKeys
{
    public static SigningKeyOptions Hs256() => new() { Algorithm = "HS256", Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };

    public static SigningKeyOptions Es256(bool withPrivate = true)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new SigningKeyOptions
        {
            Algorithm = "ES256",
            PrivateKey = withPrivate ? key.ExportPkcs8PrivateKeyPem() : null,
            PublicKey = key.ExportSubjectPublicKeyInfoPem(),
        };
    }

    public static SigningOptions Options(string active, params (string Kid, SigningKeyOptions Key)[] keys)
    {
        var options = new SigningOptions { Enabled = true, ActiveKeyId = active };
        foreach (var (kid, key) in keys)
            options.Keys[kid] = key;
        return options;
    }
}
