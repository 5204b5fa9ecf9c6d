namespace Participation.Bot.Hosting.Tests.Infrastructure;

public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Participation.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Participation.sln was not found above the test's folder.");
    }
}
