using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Architecture;

/// <summary>Secure by default: no action may rely on the fallback policy by accident.</summary>
public sealed class EndpointPolicyTests
{
    private static readonly Type[] Controllers = typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract).ToArray();

    private static IEnumerable<MethodInfo> Actions(Type controller) => controller
        .GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
        .Where(m => !m.IsSpecialName && m.GetCustomAttribute<NonActionAttribute>() is null);

    [Fact]
    public void The_portal_has_controllers_to_check()
    {
        Assert.True(Controllers.Length >= 8, $"Only {Controllers.Length} controllers found: the scan is looking in the wrong place.");
    }

    [Fact]
    public void Every_action_states_a_named_policy_or_allows_anonymous()
    {
        var policies = typeof(Policies).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        var missing = new List<string>();
        foreach (var controller in Controllers)
        {
            foreach (var action in Actions(controller))
            {
                var anonymous = action.IsDefined(typeof(AllowAnonymousAttribute), true) || controller.IsDefined(typeof(AllowAnonymousAttribute), true);
                var named = action.GetCustomAttributes<AuthorizeAttribute>(true).Concat(controller.GetCustomAttributes<AuthorizeAttribute>(true))
                    .Where(a => a.Policy is not null).ToList();
                if (!anonymous && named.Count == 0)
                {
                    missing.Add($"{controller.Name}.{action.Name}: no [Authorize(Policy = ...)] or [AllowAnonymous]");
                }

                missing.AddRange(named.Where(a => !policies.Contains(a.Policy!)).Select(a => $"{controller.Name}.{action.Name}: unknown policy '{a.Policy}'"));
            }
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void Only_the_error_pages_skip_antiforgery()
    {
        var skipping = Controllers.Where(c => c.IsDefined(typeof(IgnoreAntiforgeryTokenAttribute), true)
                || Actions(c).Any(a => a.IsDefined(typeof(IgnoreAntiforgeryTokenAttribute), true)))
            .Select(c => c.Name).ToList();

        Assert.Equal(["ErrorController"], skipping);
    }
}
