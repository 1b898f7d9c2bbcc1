using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Files;

namespace OcopPortal.Web.Features.Dossiers;

/// <summary>
/// Evidence files of a dossier: upload into a slot (or as a new version of a file), removal (kept in the history)
/// and download. Files are reached only through their dossier and slot, so a guessed id of another producer's file
/// is a 404 like any dossier outside the user's scope.
/// </summary>
[Authorize(Policy = Policies.Dossiers)]
[Route("dossiers/{id:int}")]
public sealed class DossierFilesController(DossierAccess access, DossierService dossiers, FileStore files, IStringLocalizer<SharedResource> l) : Controller
{
    [Authorize(Policy = Policies.Producer)]
    [HttpPost("slots/{slotId:int}/files")]
    public async Task<IActionResult> Upload(int id, int slotId, IFormFile? file, int? replaces, CancellationToken ct)
    {
        var grant = await access.FindAsync(User, id, ct);
        var slot = grant?.Dossier.Slots.SingleOrDefault(s => s.Id == slotId);
        if (grant is not { Actor: DossierActor.Producer } || slot is null)
        {
            return NotFound();
        }

        if (!DossierWorkflow.ProducerMayEdit(grant.Dossier.Status, slot))
        {
            TempData["FlashError"] = l["Không thể thay đổi tài liệu này: hồ sơ đã nộp (chỉ các mục được yêu cầu bổ sung mới mở lại)."].Value;
            return Redirect($"/dossiers/{id}");
        }

        var previous = replaces is { } r ? slot.Files.SingleOrDefault(f => f.Id == r && f.IsCurrent) : null;
        var error = file is null || file.Length == 0 ? l["Vui lòng chọn tệp để tải lên."].Value
            : replaces is not null && previous is null ? l["Tệp cần thay thế không còn trong mục này; hãy tải lại trang."].Value
            : (await dossiers.AddFileAsync(grant.Dossier, slot, file, previous, User, ct))?.Localize(l);
        if (error is null)
        {
            TempData["Flash"] = l["Đã tải lên «{0}» vào mục {1}.", Path.GetFileName(file!.FileName), slot.Title].Value;
        }
        else
        {
            TempData["UploadError"] = error;
            TempData["UploadSlot"] = slotId;
        }

        return Redirect($"/dossiers/{id}#slot-{slotId}");
    }

    [Authorize(Policy = Policies.Producer)]
    [HttpPost("files/{fileId:int}/removal")]
    public async Task<IActionResult> Remove(int id, int fileId, CancellationToken ct)
    {
        var grant = await access.FindAsync(User, id, ct);
        var slot = grant?.Dossier.Slots.SingleOrDefault(s => s.Files.Any(f => f.Id == fileId));
        var file = slot?.Files.Single(f => f.Id == fileId);
        if (grant is not { Actor: DossierActor.Producer } || slot is null || file is null)
        {
            return NotFound();
        }

        if (!DossierWorkflow.ProducerMayEdit(grant.Dossier.Status, slot) || !file.IsCurrent)
        {
            TempData["FlashError"] = l["Không thể gỡ tệp này ở trạng thái hiện tại của hồ sơ."].Value;
        }
        else
        {
            await dossiers.RemoveFileAsync(grant.Dossier, slot, file, ct);
            TempData["Flash"] = l["Đã gỡ tệp khỏi mục {0}; tệp vẫn được lưu trong lịch sử.", slot.Title].Value;
        }

        return Redirect($"/dossiers/{id}#slot-{slot.Id}");
    }

    [HttpGet("files/{fileId:int}")]
    public async Task<IActionResult> Download(int id, int fileId, CancellationToken ct)
    {
        var grant = await access.FindAsync(User, id, ct);
        var file = grant?.Dossier.Slots.SelectMany(s => s.Files).SingleOrDefault(f => f.Id == fileId);
        return file is null ? NotFound() : await this.StoredFileAttachmentAsync(files, file.FileId, ct);
    }
}
