namespace FrontlineCare.Core.Features.Files;

/// <summary>
/// An uploaded evidence file (a PDF or an image). Kept in the database with the records it supports, so a backup
/// holds both. It is never executed, resized or served inline: downloads are attachments of a neutral type.
/// Queries project the metadata and read <see cref="Content"/> only to download.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }
    public required string FileName { get; set; }
    /// <summary>The type found from the file's own first bytes, not the one the browser claimed.</summary>
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}
