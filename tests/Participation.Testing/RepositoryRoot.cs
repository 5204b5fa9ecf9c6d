namespace Participation.Testing;

/// <summary>The folder that holds Participation.sln, found from where the tests run.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

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
