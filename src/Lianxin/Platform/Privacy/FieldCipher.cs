using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Lianxin.Platform.Privacy;

/// <summary>
/// One symmetric authenticated cipher for personal-data fields. Ciphertexts are self-describing
/// ("{algorithm}:{keyId}:{base64(nonce|ciphertext|tag)}"), so a database can hold values written
/// by several algorithms or keys while one of them is being rolled out.
/// </summary>
public interface IFieldCipher
{
    string Algorithm { get; }
    byte[] Seal(byte[] key, byte[] nonce, byte[] plaintext);
    byte[] Open(byte[] key, byte[] nonce, byte[] sealedText);
}

/// <summary>AES-256-GCM from the .NET runtime (the default).</summary>
public sealed class AesGcmFieldCipher : IFieldCipher
{
    // The key schedule is reused per thread (AesGcm is not thread-safe); keys are fixed for the process.
    [ThreadStatic] private static (byte[] Key, AesGcm Aes)? _cached;

    public string Algorithm => "aesgcm";

    private static AesGcm For(byte[] key)
    {
        if (_cached is { } c && ReferenceEquals(c.Key, key)) return c.Aes;
        _cached?.Aes.Dispose();
        var aes = new AesGcm(key, 16);
        _cached = (key, aes);
        return aes;
    }

    public byte[] Seal(byte[] key, byte[] nonce, byte[] plaintext)
    {
        var aes = For(key);
        var output = new byte[plaintext.Length + 16];
        aes.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length));
        return output;
    }

    public byte[] Open(byte[] key, byte[] nonce, byte[] sealedText)
    {
        var aes = For(key);
        var n = sealedText.Length - 16;
        var plain = new byte[n];
        aes.Decrypt(nonce, sealedText.AsSpan(0, n), sealedText.AsSpan(n), plain);
        return plain;
    }
}

/// <summary>SM4-GCM (GB/T 32907 block cipher in GCM mode) from BouncyCastle, for deployments that require 国密.</summary>
public sealed class Sm4GcmFieldCipher : IFieldCipher
{
    public string Algorithm => "sm4gcm";

    public byte[] Seal(byte[] key, byte[] nonce, byte[] plaintext) => Run(true, key, nonce, plaintext);

    public byte[] Open(byte[] key, byte[] nonce, byte[] sealedText) => Run(false, key, nonce, sealedText);

    private static byte[] Run(bool encrypt, byte[] key, byte[] nonce, byte[] input)
    {
        // SM4 takes a 128-bit key: the first 16 bytes of the configured key.
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(encrypt, new AeadParameters(new KeyParameter(key, 0, 16), 128, nonce));
        var output = new byte[gcm.GetOutputSize(input.Length)];
        var len = gcm.ProcessBytes(input, 0, input.Length, output, 0);
        try
        {
            len += gcm.DoFinal(output, len);
        }
        catch (Org.BouncyCastle.Crypto.InvalidCipherTextException e)
        {
            throw new CryptographicException("SM4-GCM authentication failed", e);
        }
        return len == output.Length ? output : output[..len];
    }
}

public sealed class PrivacyOptions
{
    /// <summary>Base64 of a 32-byte data key.</summary>
    public string? DataKey { get; set; }
    /// <summary>Base64 of a 32-byte key for the blind index (keyed hash); never the same as DataKey.</summary>
    public string? IndexKey { get; set; }
    /// <summary>Id written into ciphertexts; change it with the key.</summary>
    public string KeyId { get; set; } = "k1";
    /// <summary>"aesgcm" (default) or "sm4gcm".</summary>
    public string Algorithm { get; set; } = "aesgcm";
}

/// <summary>
/// Encrypts, decrypts, blind-indexes and masks personal data. The only place that touches keys.
/// </summary>
public sealed class PersonalDataProtector
{
    private readonly Dictionary<string, IFieldCipher> _ciphers;
    private readonly IFieldCipher _writer;
    private readonly byte[] _dataKey;
    private readonly byte[] _indexKey;
    private readonly string _keyId;

    public PersonalDataProtector(PrivacyOptions options, IEnumerable<IFieldCipher> ciphers)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ciphers = ciphers.ToDictionary(c => c.Algorithm, StringComparer.Ordinal);
        if (!_ciphers.TryGetValue(options.Algorithm, out var writer))
            throw new InvalidOperationException($"Unknown field cipher '{options.Algorithm}'.");
        _writer = writer;
        _dataKey = DecodeKey(options.DataKey, nameof(options.DataKey));
        _indexKey = DecodeKey(options.IndexKey, nameof(options.IndexKey));
        if (_dataKey.AsSpan().SequenceEqual(_indexKey))
            throw new InvalidOperationException("The data key and the index key must differ.");
        _keyId = options.KeyId;
    }

    private static byte[] DecodeKey(string? b64, string name)
    {
        var key = string.IsNullOrWhiteSpace(b64) ? [] : Convert.FromBase64String(b64);
        if (key.Length != 32) throw new InvalidOperationException($"Privacy:{name} must be 32 bytes in base64.");
        return key;
    }

    public string Encrypt(string plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var sealedText = _writer.Seal(_dataKey, nonce, Encoding.UTF8.GetBytes(plaintext));
        var blob = new byte[12 + sealedText.Length];
        nonce.CopyTo(blob, 0);
        sealedText.CopyTo(blob, 12);
        return $"{_writer.Algorithm}:{_keyId}:{Convert.ToBase64String(blob)}";
    }

    public string Decrypt(string stored)
    {
        var parts = stored.Split(':', 3);
        if (parts.Length != 3 || !_ciphers.TryGetValue(parts[0], out var cipher))
            throw new CryptographicException("Unrecognised ciphertext format.");
        if (parts[1] != _keyId) throw new CryptographicException($"Ciphertext uses key '{parts[1]}', which is not loaded.");
        var blob = Convert.FromBase64String(parts[2]);
        return Encoding.UTF8.GetString(cipher.Open(_dataKey, blob[..12], blob[12..]));
    }

    /// <summary>Keyed hash for exact-match lookup (blind index): HMAC-SHA256, first 16 bytes, hex.</summary>
    public string BlindIndex(string normalizedValue)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(normalizedValue), mac);
        return Convert.ToHexStringLower(mac[..16]);
    }
}

public static class Mask
{
    /// <summary>110101********1234: keeps the six-digit region code and the last four characters.</summary>
    public static string IdNumber(string value) =>
        value.Length <= 10 ? new string('*', value.Length) : value[..6] + new string('*', value.Length - 10) + value[^4..];

    /// <summary>138****5678.</summary>
    public static string Phone(string value) =>
        value.Length < 7 ? new string('*', value.Length) : value[..3] + new string('*', value.Length - 7) + value[^4..];
}
