using Microsoft.AspNetCore.Authorization;

namespace Participation.App.Discussion;

public static class DiscussionModule
{
    /// <summary>Comments on initiatives: posting and replying, reports, moderation with audit, pre-moderation and a word list.</summary>
    public static WebApplicationBuilder AddDiscussion(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DiscussionOptions>().BindConfiguration(DiscussionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Comments live in the initiatives table (already created and audited by AddInitiatives), beside their case.
        services.AddSingleton<CommentStore>();
        services.AddSingleton<PostComment>();
        services.AddSingleton<ListComments>();
        services.AddSingleton<ReportComment>();
        services.AddSingleton<ModerateComment>();
        services.Configure<AuthorizationOptions>(options =>
        {
            options.AddPolicy(DiscussionAccess.CommenterPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Resident, Roles.Official, Roles.TeamLead, Roles.Admin));
            // The neighbourhood is checked per initiative (DiscussionAccess.CanModerate): 403 for another neighbourhood.
            options.AddPolicy(DiscussionAccess.ModeratorPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Official, Roles.TeamLead, Roles.Admin));
            options.AddPolicy(DiscussionAccess.SignedInPolicy, p => p.RequireAuthenticatedUser());
        });
        return builder;
    }
}
