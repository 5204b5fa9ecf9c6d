using Participation.App.Hosting;

namespace Participation.App.Following;

public static class FollowingModule
{
    /// <summary>Following an initiative by e-mail: double opt-in, a mail per change to each follower, one-click unsubscribe.</summary>
    public static WebApplicationBuilder AddFollowing(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Followers>();
        builder.Services.AddQueueFunction<NotifyFollowers, FollowersToNotify>();
        return builder;
    }
}
