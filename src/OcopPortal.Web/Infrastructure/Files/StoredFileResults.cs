using Microsoft.AspNetCore.Mvc;

namespace OcopPortal.Web.Infrastructure.Files;

public static class StoredFileResults
{
    /// <summary>
    /// Serves a stored file as a download, streamed from the database: <c>Content-Disposition: attachment</c> with
    /// the sanitised name (ASCII <c>filename</c> plus RFC 5987 <c>filename*</c> for Vietnamese), the content type
    /// of the detected kind, <c>Cache-Control: private, no-store</c>; nosniff comes from the global headers. Never
    /// inline, so even a crafted file cannot run as a page of the portal. 404 when there is no such file.
    /// <para><b>Authorisation is the caller's job</b>: call this only after checking that the user may see the
    /// dossier the file belongs to. This method does not know about dossiers.</para>
    /// </summary>
    public static async Task<IActionResult> StoredFileAttachmentAsync(this ControllerBase controller, FileStore store, Guid id, CancellationToken ct = default)
    {
        var file = await store.FindAsync(id, ct);
        var content = file is null ? null : await store.OpenReadAsync(id, ct);
        if (file is null || content is null)
        {
            return controller.NotFound();
        }

        controller.Response.Headers.CacheControl = "private, no-store";
        // The result disposes the stream (and with it the stream's connection) once the response is written.
        return new FileStreamResult(content, file.ContentType) { FileDownloadName = file.OriginalName };
    }
}
