using System.Buffers.Text;
using System.Text;
using FrontlineCare.Core.Common;

namespace FrontlineCare.Core.Tests.Common;

public sealed class CursorTests
{
    [Fact]
    public void A_cursor_survives_encoding()
    {
        var cursor = new Cursor("张三", new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero), Guid.NewGuid());

        Cursor.Decode(cursor.Encode()).ShouldBe(cursor);
    }

    [Fact]
    public void An_encoded_cursor_is_safe_in_a_url()
    {
        var encoded = new Cursor("张三/+?&=", null, Guid.NewGuid()).Encode();

        encoded.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a cursor!")] // not base64url
    [InlineData("%%%%")]
    [InlineData("bm90IGpzb24")] // base64url of "not json"
    public void A_missing_or_garbled_cursor_decodes_to_null(string? value)
    {
        Cursor.Decode(value).ShouldBeNull();
    }

    [Theory]
    [InlineData("{\"Text\":\"a\",\"Time\":null,\"Id\":\"not-a-guid\"}")]
    [InlineData("{\"Text\":\"a\",\"Time\":\"yesterday\",\"Id\":\"00000000-0000-0000-0000-000000000001\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"Text\":")]
    [InlineData("null")]
    public void A_tampered_cursor_decodes_to_null(string json)
    {
        var tampered = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

        Cursor.Decode(tampered).ShouldBeNull();
    }

    [Fact]
    public void A_cursor_with_a_flipped_character_decodes_to_null_or_a_different_position_never_throws()
    {
        var original = new Cursor("李四", null, Guid.NewGuid());
        var encoded = original.Encode().ToCharArray();
        for (var i = 0; i < encoded.Length; i++)
        {
            var copy = (char[])encoded.Clone();
            copy[i] = copy[i] == 'A' ? '!' : 'A';
            Should.NotThrow(() => Cursor.Decode(new string(copy)));
        }
    }
}
