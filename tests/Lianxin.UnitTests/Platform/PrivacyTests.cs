using System.Security.Cryptography;
using Lianxin.Platform.Privacy;

namespace Lianxin.UnitTests.Platform;

public sealed class PrivacyTests
{
    private static PersonalDataProtector Protector(string algorithm = "aesgcm", string keyId = "k1") => new(
        new PrivacyOptions
        {
            DataKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()),
            IndexKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray()),
            Algorithm = algorithm, KeyId = keyId,
        },
        [new AesGcmFieldCipher(), new Sm4GcmFieldCipher()]);

    [Theory]
    [InlineData("aesgcm")]
    [InlineData("sm4gcm")]
    public void Round_trips_and_never_repeats_a_ciphertext(string algorithm)
    {
        var p = Protector(algorithm);
        var a = p.Encrypt("11010519491231002X");
        var b = p.Encrypt("11010519491231002X");
        Assert.StartsWith(algorithm + ":k1:", a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
        Assert.Equal("11010519491231002X", p.Decrypt(a));
    }

    [Fact]
    public void Values_written_by_either_cipher_are_readable_while_switching()
    {
        var sm4 = Protector("sm4gcm").Encrypt("13812345678");
        Assert.Equal("13812345678", Protector("aesgcm").Decrypt(sm4));
    }

    [Theory]
    [InlineData("aesgcm")]
    [InlineData("sm4gcm")]
    public void A_tampered_ciphertext_is_rejected(string algorithm)
    {
        var p = Protector(algorithm);
        var parts = p.Encrypt("13812345678").Split(':');
        var blob = Convert.FromBase64String(parts[2]);
        blob[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => p.Decrypt($"{parts[0]}:{parts[1]}:{Convert.ToBase64String(blob)}"));
    }

    [Fact]
    public void The_SM4_engine_matches_the_GB_T_32907_test_vector()
    {
        // GB/T 32907-2016 appendix A.1: key = plaintext = 0123456789abcdeffedcba9876543210.
        var key = Convert.FromHexString("0123456789abcdeffedcba9876543210");
        var engine = new Org.BouncyCastle.Crypto.Engines.SM4Engine();
        engine.Init(true, new Org.BouncyCastle.Crypto.Parameters.KeyParameter(key));
        var output = new byte[16];
        engine.ProcessBlock(key, 0, output, 0);
        Assert.Equal("681edf34d206965e86b3e94f536e4246", Convert.ToHexStringLower(output));
    }

    [Fact]
    public void A_ciphertext_of_an_unloaded_key_is_refused_clearly() =>
        Assert.ThrowsAny<CryptographicException>(() => Protector(keyId: "k1").Decrypt(Protector(keyId: "k2").Encrypt("x")));

    [Fact]
    public void The_blind_index_is_deterministic_keyed_and_short()
    {
        var p = Protector();
        Assert.Equal(p.BlindIndex("11010519491231002X"), p.BlindIndex("11010519491231002X"));
        Assert.NotEqual(p.BlindIndex("11010519491231002X"), p.BlindIndex("11010519491231003X"));
        Assert.Equal(32, p.BlindIndex("x").Length);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData("x"u8))[..32], p.BlindIndex("x"));
    }

    [Fact]
    public void The_data_and_index_keys_must_differ()
    {
        var same = Convert.ToBase64String(new byte[32]);
        Assert.Throws<InvalidOperationException>(() => new PersonalDataProtector(
            new PrivacyOptions { DataKey = same, IndexKey = same }, [new AesGcmFieldCipher()]));
    }

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("13812345678", "138****5678")]
    public void Masks_keep_only_the_agreed_parts(string value, string masked) =>
        Assert.Equal(masked, value.Length == 18 ? Mask.IdNumber(value) : Mask.Phone(value));
}
