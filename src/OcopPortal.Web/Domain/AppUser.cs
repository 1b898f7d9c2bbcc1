using Microsoft.AspNetCore.Identity;

namespace OcopPortal.Web.Domain;

/// <summary>A person who signs in: producer, commune officer, office staff, council member or admin.</summary>
public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
