namespace Participation.App.MyPage;

public static class MyPageModule
{
    /// <summary>"Mijn omgeving": a signed-in resident's initiatives, supports and votes on one page.</summary>
    public static WebApplicationBuilder AddMyPage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ResidentActivity>();
        builder.Services.AddTable(ResidentActivity.Table);
        return builder;
    }
}
