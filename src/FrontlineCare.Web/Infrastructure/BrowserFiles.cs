using FrontlineCare.Core.Features.Files;
using Microsoft.AspNetCore.Components.Forms;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>Reads a file the user picked into memory, up to the evidence size limit (the service then checks its type by content).</summary>
public static class BrowserFiles
{
    /// <summary>
    /// The upload, or null with the message to show when the user sent too many files just now (<see cref="UploadThrottle"/>)
    /// or it is larger than <see cref="EvidenceFiles.MaxBytes"/>.
    /// </summary>
    public static async Task<(UploadedFile? File, string? Problem)> ReadAsync(IBrowserFile file, UploadThrottle throttle, Core.Common.ICurrentUser user)
    {
        if (throttle.Enter(user) is { } tooMany) return (null, tooMany);
        if (file.Size > EvidenceFiles.MaxBytes)
            return (null, string.Format(Core.Resources.Messages.FileTooLarge, file.Name, EvidenceFiles.MaxBytes / 1024 / 1024));
        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(EvidenceFiles.MaxBytes)) await stream.CopyToAsync(buffer);
        return (new UploadedFile(file.Name, buffer.ToArray()), null);
    }
}
