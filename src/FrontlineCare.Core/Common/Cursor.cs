using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace FrontlineCare.Core.Common;

/// <summary>An opaque keyset-paging position: the sort key and id of a boundary row.</summary>
public sealed record Cursor(string? Text, DateTimeOffset? Time, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    /// <summary>Null for a missing or tampered cursor (the caller then starts from the first page).</summary>
    public static Cursor? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            var cursor = JsonSerializer.Deserialize<Cursor>(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value)));
            // A made-up cursor with a NUL in its text would reach the database (22021) as a query parameter.
            return ValidationExtensions.HasUnsafeCharacter(cursor?.Text) ? null : cursor;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
