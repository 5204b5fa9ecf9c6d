using System.Text.Json;

namespace Participation.InfraTests;

/// <summary>
/// Rate limits at the edge: Azure Front Door with a WAF policy, an option of the deployment, in front of an app that
/// then takes traffic from this Front Door only.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class FrontDoorTests(CompiledInfrastructure infrastructure)
{
    // What residents and anonymous visitors post to, as the app maps it (API) and as the pages' forms post it.
    public static TheoryData<string> PublicWrites =>
    [
        "/api/initiatives",
        "/api/initiatives/K7QXM2PD9RB/supports",
        "/api/initiatives/K7QXM2PD9RB/comments",
        "/api/budgets/oosterpark-2026/ballots",
        "/api/pb/tally?rule=equalshares",
        "/api/privacy/requests",
        "/v3/directline/conversations",
        "/v3/directline/conversations/abc/activities",
        "/initiatieven/nieuw/verzenden",
        "/buurtbudget/oosterpark-2026/stemmen/verzenden",
    ];

    private ArmTemplate Template => infrastructure.RequireTemplate();

    [Fact]
    public void Front_door_is_an_option_that_is_off_unless_a_deployment_asks_for_it()
    {
        var parameters = Template.Root.GetProperty("parameters");

        Assert.False(parameters.GetProperty("deployFrontDoor").GetProperty("defaultValue").GetBoolean());
        Assert.Equal(["Standard_AzureFrontDoor", "Premium_AzureFrontDoor"],
            parameters.GetProperty("frontDoorSku").GetProperty("allowedValues").EnumerateArray().Select(value => value.GetString()));
        Assert.All(new[] { "frontDoor", "frontDoorRoute" }, name =>
            Assert.Equal("[parameters('deployFrontDoor')]", Module(name).Get("condition").GetString()));
        Assert.True(infrastructure.ParameterValues("production.bicepparam")["deployFrontDoor"].GetBoolean());
        Assert.False(infrastructure.ParameterValues("test.bicepparam").ContainsKey("deployFrontDoor"));
    }

    [Fact]
    public void Public_writes_are_limited_per_client_address_below_the_limit_for_the_whole_site()
    {
        var parameters = Template.Root.GetProperty("parameters");
        var writes = Rule("PublicWritesPerClient");
        var all = Rule("AllRequestsPerClient");

        Assert.Equal("[parameters('publicWritesPerMinute')]", writes.GetProperty("rateLimitThreshold").GetString());
        Assert.Equal("[parameters('requestsPerMinute')]", all.GetProperty("rateLimitThreshold").GetString());
        Assert.Equal("[parameters('edgePublicWritesPerMinute')]", Module("frontDoor").Get("properties.parameters.publicWritesPerMinute.value").GetString());
        Assert.Equal("[parameters('edgeRequestsPerMinute')]", Module("frontDoor").Get("properties.parameters.requestsPerMinute.value").GetString());
        Assert.True(parameters.GetProperty("edgePublicWritesPerMinute").GetProperty("defaultValue").GetInt32()
            < parameters.GetProperty("edgeRequestsPerMinute").GetProperty("defaultValue").GetInt32());
        Assert.All(new[] { writes, all }, rule =>
        {
            Assert.Equal(("RateLimitRule", "Block", "Enabled"),
                (rule.GetProperty("ruleType").GetString(), rule.GetProperty("action").GetString(), rule.GetProperty("enabledState").GetString()));
            Assert.Equal(1, rule.GetProperty("rateLimitDurationInMinutes").GetInt32());
            Assert.Equal("SocketAddr", Assert.Single(rule.GetProperty("groupBy").EnumerateArray()).GetProperty("variableName").GetString());
        });

        var method = Condition(writes, "RequestMethod");
        Assert.Equal(("Equal", "POST"), (method.GetProperty("operator").GetString(), Assert.Single(Values(method))));
    }

    [Theory]
    [MemberData(nameof(PublicWrites))]
    public void A_public_write_is_counted_by_the_write_limit(string path)
    {
        var uri = Condition(Rule("PublicWritesPerClient"), "RequestUri");

        Assert.Equal("Contains", uri.GetProperty("operator").GetString());
        Assert.False(uri.TryGetProperty("negateCondition", out var negated) && negated.GetBoolean());
        Assert.Contains(Values(uri), value => path.Contains(value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_site_limit_counts_everything_but_the_bot_connector_and_staff_posts_are_not_public_writes()
    {
        var uri = Condition(Rule("AllRequestsPerClient"), "RequestUri");
        var writes = Values(Condition(Rule("PublicWritesPerClient"), "RequestUri"));

        Assert.True(uri.GetProperty("negateCondition").GetBoolean());
        Assert.Equal("/api/messages", Assert.Single(Values(uri)));
        Assert.All(new[] { "/api/cases/K7QXM2PD9RB/accept", "/api/budgets/oosterpark-2026/paper-ballots", "/api/messages", "/beheer/routering" }, path =>
            Assert.DoesNotContain(writes, value => path.Contains(value, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Waf_policy_blocks_with_429_and_guards_the_endpoint_that_routes_everything_to_the_app_over_https()
    {
        var policy = Template.Single("Microsoft.Network/FrontDoorWebApplicationFirewallPolicies");
        var security = Template.Single("Microsoft.Cdn/profiles/securityPolicies");
        var route = Template.Single("Microsoft.Cdn/profiles/afdEndpoints/routes");
        var origin = Template.Single("Microsoft.Cdn/profiles/originGroups/origins");

        Assert.Equal(("Enabled", "Prevention", 429), (policy.Get("properties.policySettings.enabledState").GetString(),
            policy.Get("properties.policySettings.mode").GetString(), policy.Get("properties.policySettings.customBlockResponseStatusCode").GetInt32()));
        Assert.Equal("WebApplicationFirewall", security.Get("properties.parameters.type").GetString());
        Assert.Contains("FrontDoorWebApplicationFirewallPolicies", security.Get("properties.parameters.wafPolicy.id").GetString());
        Assert.Equal("/*", Assert.Single(Assert.Single(security.Get("properties.parameters.associations").EnumerateArray())
            .GetProperty("patternsToMatch").EnumerateArray()).GetString());
        Assert.Equal(("HttpsOnly", "Enabled", "/*"), (route.Get("properties.forwardingProtocol").GetString(),
            route.Get("properties.httpsRedirect").GetString(), Assert.Single(route.Get("properties.patternsToMatch").EnumerateArray()).GetString()));
        Assert.Null(route.Find("properties.cacheConfiguration"));
        Assert.Equal("[parameters('originHostName')]", origin.Get("properties.hostName").GetString());
        Assert.Contains("defaultHostName", Module("frontDoorRoute").Get("properties.parameters.originHostName.value").GetString());
    }

    [Fact]
    public void With_front_door_the_app_takes_traffic_only_from_this_profile()
    {
        var site = Template.Single("Microsoft.Web/sites");
        var allowed = Assert.Single(site.Template.GetProperty("variables").GetProperty("frontDoorOnly").EnumerateArray());

        Assert.Equal(("Allow", "ServiceTag", "AzureFrontDoor.Backend"),
            (allowed.GetProperty("action").GetString(), allowed.GetProperty("tag").GetString(), allowed.GetProperty("ipAddress").GetString()));
        Assert.Equal("[parameters('frontDoorId')]", Assert.Single(allowed.GetProperty("headers").GetProperty("x-azure-fdid").EnumerateArray()).GetString());
        Assert.Equal("[if(empty(parameters('frontDoorId')), 'Allow', 'Deny')]", site.Get("properties.siteConfig.ipSecurityRestrictionsDefaultAction").GetString());
        Assert.Contains("variables('frontDoorOnly')", site.Get("properties.siteConfig.ipSecurityRestrictions").GetString());
        Assert.Contains("'frontDoor'), '2025-04-01'), null()), 'outputs', 'frontDoorId'", Module("functionApp").Get("properties.parameters.frontDoorId.value").GetString());
        Assert.Contains("frontDoorId", Module("frontDoor").Get("properties.template.outputs.frontDoorId.value").GetString());
    }

    [Fact]
    public void Links_the_bot_connector_and_client_addresses_go_through_front_door_when_it_is_there()
    {
        var links = Template.Single("Microsoft.Web/sites/config").Get("properties.Platform__PublicBaseUrl").GetString()!;
        var messages = Module("bot").Get("properties.parameters.appHostName.value").GetString()!;

        Assert.Equal("[if(parameters('deployFrontDoor'), 'X-Azure-SocketIP', '')]",
            Template.Single("Microsoft.Web/sites/config").Get("properties.Identity__ClientAddressHeader").GetString());
        Assert.All(new[] { links, messages }, host =>
        {
            Assert.Contains("tryGet(if(parameters('deployFrontDoor'), reference(resourceId('Microsoft.Resources/deployments', 'frontDoor')", host);
            Assert.Contains("'hostName'", host);
        });
    }

    private ArmResource Module(string name) =>
        Assert.Single(Template.Resources("Microsoft.Resources/deployments"), module => module.Get("name").GetString() == name);

    private JsonElement Rule(string name) =>
        Assert.Single(Template.Single("Microsoft.Network/FrontDoorWebApplicationFirewallPolicies").Get("properties.customRules.rules").EnumerateArray(),
            rule => rule.GetProperty("name").GetString() == name);

    private static JsonElement Condition(JsonElement rule, string variable) =>
        Assert.Single(rule.GetProperty("matchConditions").EnumerateArray(), condition => condition.GetProperty("matchVariable").GetString() == variable);

    private static IReadOnlyList<string> Values(JsonElement condition) =>
        condition.GetProperty("matchValue").EnumerateArray().Select(value => value.GetString()!).ToList();
}
