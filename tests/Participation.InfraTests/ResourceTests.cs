using System.Text.Json;

namespace Participation.InfraTests;

/// <summary>What the compiled template deploys: hosting, identity, and the security settings a municipality relies on.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ResourceTests(CompiledInfrastructure infrastructure)
{
    private ArmTemplate Template => infrastructure.RequireTemplate();

    [Fact]
    public void Function_app_runs_the_custom_handler_on_flex_consumption()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");
        var site = Template.Single("Microsoft.Web/sites");

        Assert.Equal("FC1", plan.Get("sku.name").GetString());
        Assert.Equal("FlexConsumption", plan.Get("sku.tier").GetString());
        Assert.True(plan.Get("properties.reserved").GetBoolean(), "Flex Consumption runs on Linux: reserved must be true.");
        Assert.Contains("linux", site.Get("kind").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("custom", site.Get("properties.functionAppConfig.runtime.name").GetString());
        Assert.Equal("1.0", site.Get("properties.functionAppConfig.runtime.version").GetString());
        Assert.True(site.Get("properties.httpsOnly").GetBoolean());
    }

    [Theory]
    [InlineData("linuxFxVersion")]
    [InlineData("alwaysOn")]
    [InlineData("netFrameworkVersion")]
    [InlineData("use32BitWorkerProcess")]
    [InlineData("javaVersion")]
    [InlineData("powerShellVersion")]
    public void Function_app_leaves_out_site_properties_flex_consumption_rejects(string property)
    {
        var site = Template.Single("Microsoft.Web/sites");

        Assert.Null(site.Find($"properties.siteConfig.{property}"));
    }

    [Fact]
    public void Function_app_has_a_system_assigned_identity_that_also_reads_the_deployment_package()
    {
        var site = Template.Single("Microsoft.Web/sites");

        Assert.Equal("SystemAssigned", site.Get("identity.type").GetString());
        Assert.Equal("blobContainer", site.Get("properties.functionAppConfig.deployment.storage.type").GetString());
        Assert.Equal(
            "SystemAssignedIdentity",
            site.Get("properties.functionAppConfig.deployment.storage.authentication.type").GetString());
    }

    [Fact]
    public void Storage_account_refuses_account_keys_public_blobs_and_old_tls()
    {
        var storage = Template.Single("Microsoft.Storage/storageAccounts");

        Assert.Equal("TLS1_2", storage.Get("properties.minimumTlsVersion").GetString());
        Assert.False(storage.Get("properties.allowBlobPublicAccess").GetBoolean());
        Assert.False(storage.Get("properties.allowSharedKeyAccess").GetBoolean());
        Assert.True(storage.Get("properties.supportsHttpsTrafficOnly").GetBoolean());
    }

    [Fact]
    public void Initiative_photos_have_a_private_blob_container_that_the_app_serves_from()
    {
        var containers = Template.Resources("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        var photos = Assert.Single(containers, c => c.Get("name").GetString()!.Contains("initiative-photos"));

        Assert.Equal("None", photos.Get("properties.publicAccess").GetString());
    }

    [Fact]
    public void Key_vault_authorizes_with_rbac()
    {
        var vault = Template.Single("Microsoft.KeyVault/vaults");

        Assert.True(vault.Get("properties.enableRbacAuthorization").GetBoolean());
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor")]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor")]
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Key Vault Secrets User")]
    [InlineData("5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", "Cognitive Services OpenAI User")]
    public void App_identity_is_granted(string roleDefinitionId, string roleName)
    {
        var assignments = Template.Resources("Microsoft.Authorization/roleAssignments").ToList();
        // Role ids may sit in the declaring template's variables (a loop over roles), so look at the whole template.
        var declaringTemplates = assignments.Select(assignment => assignment.Template.GetRawText()).Distinct();

        Assert.NotEmpty(assignments);
        Assert.True(
            declaringTemplates.Any(text => text.Contains(roleDefinitionId, StringComparison.OrdinalIgnoreCase)),
            $"No role assignment grants {roleName} ({roleDefinitionId}).");
        Assert.All(assignments, assignment =>
            Assert.Equal("ServicePrincipal", assignment.Get("properties.principalType").GetString()));
    }

    [Fact]
    public void Bot_is_single_tenant_and_posts_to_the_app_messages_endpoint()
    {
        var bot = Template.Single("Microsoft.BotService/botServices");
        var channels = Template.Resources("Microsoft.BotService/botServices/channels")
            .Select(channel => channel.Get("properties.channelName").GetString());

        Assert.Equal("SingleTenant", bot.Get("properties.msaAppType").GetString());
        var endpoint = bot.Get("properties.endpoint").GetString()!;
        Assert.Contains("https://", endpoint, StringComparison.Ordinal);
        Assert.Contains("/api/messages", endpoint, StringComparison.Ordinal);
        Assert.Contains("DirectLineChannel", channels);
        Assert.Contains("WebChatChannel", channels);
    }

    [Fact]
    public void OpenAI_accepts_only_entra_id_sign_in_and_has_a_chat_deployment()
    {
        var account = Template.Single("Microsoft.CognitiveServices/accounts");
        var deployment = Template.Single("Microsoft.CognitiveServices/accounts/deployments");

        Assert.Equal("OpenAI", account.Get("kind").GetString());
        Assert.True(account.Get("properties.disableLocalAuth").GetBoolean());
        Assert.Equal(JsonValueKind.String, account.Get("properties.customSubDomainName").ValueKind);
        Assert.Equal("OpenAI", deployment.Get("properties.model.format").GetString());
    }

    [Fact]
    public void Application_insights_writes_to_the_log_analytics_workspace()
    {
        var insights = Template.Single("Microsoft.Insights/components");
        Template.Single("Microsoft.OperationalInsights/workspaces");

        Assert.Equal(JsonValueKind.String, insights.Get("properties.WorkspaceResourceId").ValueKind);
    }
}
