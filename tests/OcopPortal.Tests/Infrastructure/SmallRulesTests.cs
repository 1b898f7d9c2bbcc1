using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Seed;
using OcopPortal.Web.Features.Account;

namespace OcopPortal.Tests.Infrastructure;

public sealed class SmallRulesTests
{
    [Theory]
    [InlineData("0912345678", true)]
    [InlineData("+84912345678", true)]
    [InlineData("0299 3822 123", true)] // landline, Sóc Trăng area code
    [InlineData("091234567", false)]
    [InlineData("0112345678", false)]
    [InlineData("84912345678", false)]
    [InlineData("09123456789", false)]
    public void Vietnamese_phone_numbers(string phone, bool valid) => Assert.Equal(valid, OcopPortal.Web.Infrastructure.Validation.PhoneRule.IsVietnamesePhone(phone));

    [Fact]
    public void Generated_passwords_satisfy_the_policy_and_differ()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => PasswordGenerator.Generate()).ToList();

        Assert.All(passwords, p =>
        {
            Assert.Equal(16, p.Length);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsDigit);
        });
        Assert.Equal(50, passwords.Distinct().Count());
    }

    [Fact]
    public void A_relative_SQLite_path_is_anchored_at_the_content_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "ocop-root-" + Guid.NewGuid().ToString("N"));

        var cs = DataServiceCollectionExtensions.SqliteConnectionString("Data Source=App_Data/x.db", root);

        Assert.Contains(Path.Combine(root, "App_Data", "x.db"), cs, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(root, "App_Data")));
        Directory.Delete(root, true);
    }
}

public sealed class EmailRuleTests
{
    [Theory]
    [InlineData("lan@example.vn", true)]
    [InlineData("nguyen.thi.lan+ocop@htx-phuloc.com.vn", true)]
    [InlineData("lan@khong-hop-le", false)]
    [InlineData("lan@", false)]
    [InlineData("@example.vn", false)]
    [InlineData("Lan <lan@example.vn>", false)]
    [InlineData("lan@example.vn.", false)]
    public void Addresses_need_a_mailbox_and_a_dotted_domain(string email, bool valid) =>
        Assert.Equal(valid, OcopPortal.Web.Infrastructure.Validation.EmailRule.IsEmail(email));
}
