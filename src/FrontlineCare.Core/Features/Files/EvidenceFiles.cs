using System.Security.Cryptography;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Resources;

namespace FrontlineCare.Core.Features.Files;

/// <summary>An upload as a service receives it: the name the user's file had and its bytes.</summary>
public sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>
/// Which evidence files are accepted: PDF, PNG and JPEG only, recognised by their first bytes (a renamed .exe is
/// refused whatever its name says), at most <see cref="MaxBytes"/> each and <see cref="MaxPerRecord"/> per record.
/// </summary>
public static class EvidenceFiles
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerRecord = 10;
    public const int NameMaxLength = 120;

    private static readonly (string Type, string[] Extensions, byte[] Magic)[] Allowed =
    [
        ("application/pdf", [".pdf"], "%PDF-"u8.ToArray()),
        ("image/png", [".png"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", [".jpg", ".jpeg"], [0xFF, 0xD8, 0xFF]),
    ];

    /// <summary>The file as it is stored, or the reason it is refused (field: "Files").</summary>
    public static Result<StoredFile> Accept(UploadedFile upload, DateTimeOffset at, string? by)
    {
        var name = CleanName(upload.FileName);
        if (upload.Content.LongLength == 0) return Refused(string.Format(Messages.FileEmpty, name));
        if (upload.Content.LongLength > MaxBytes) return Refused(string.Format(Messages.FileTooLarge, name, MaxBytes / 1024 / 1024));
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var match = Allowed.FirstOrDefault(a => upload.Content.AsSpan().StartsWith(a.Magic));
        if (match.Type is null || !match.Extensions.Contains(extension)) return Refused(string.Format(Messages.FileTypeRefused, name));
        return Result<StoredFile>.Ok(new StoredFile
        {
            Id = Guid.CreateVersion7(), FileName = name, ContentType = match.Type, Size = upload.Content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Content)), Content = upload.Content, UploadedAt = at, UploadedBy = by,
        });
    }

    /// <summary>
    /// The uploads as they are stored, when every one is accepted; otherwise the reasons (field "Files") are added to
    /// <paramref name="errors"/>, so the caller saves none of them.
    /// </summary>
    public static List<StoredFile> AcceptAll(IReadOnlyList<UploadedFile> uploads, DateTimeOffset at, string? by, List<FieldError> errors)
    {
        if (uploads.Count > MaxPerRecord)
        {
            errors.Add(new FieldError("Files", string.Format(Messages.FileTooMany, MaxPerRecord)));
            return [];
        }
        var stored = new List<StoredFile>(uploads.Count);
        foreach (var upload in uploads)
        {
            var accepted = Accept(upload, at, by);
            if (accepted.IsOk) stored.Add(accepted.Value!);
            else errors.AddRange(accepted.Errors);
        }
        return stored;
    }

    /// <summary>Refuses (field "Files") adding files to a record that would then hold more than <see cref="MaxPerRecord"/>.</summary>
    public static void CheckRoom(int attached, int adding, List<FieldError> errors)
    {
        if (attached + adding > MaxPerRecord) errors.Add(new FieldError("Files", string.Format(Messages.FileTooMany, MaxPerRecord)));
    }

    /// <summary>
    /// The base name without folders, control characters (C0, C1) or invisible format characters (the bidirectional
    /// overrides and isolates U+202A–202E and U+2066–2069, the marks U+200E/U+200F, zero-width characters …), line
    /// separators or quotes, cut to a length a column and a header can hold. Every upload goes through here, so
    /// "invoice‮fdp.exe" cannot pose as "invoiceexe.pdf" in a list or a download.
    /// </summary>
    public static string CleanName(string fileName)
    {
        var name = new string(Path.GetFileName(fileName.Replace('\\', '/')).Where(IsVisible).ToArray()).Trim();
        if (name.Length == 0) name = "file";
        if (name.Length <= NameMaxLength) return name;
        var extension = Path.GetExtension(name);
        return name[..(NameMaxLength - extension.Length)] + extension;
    }

    private static bool IsVisible(char c) => c != '"' && char.GetUnicodeCategory(c) is not
        (System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
            or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse
            or System.Globalization.UnicodeCategory.OtherNotAssigned);

    private static Result<StoredFile> Refused(string message) => Result<StoredFile>.From(Result.Invalid("Files", message));
}
