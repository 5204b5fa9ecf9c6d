using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Map;

/// <summary>
/// A submitted point is checked against the municipality's bounds and the chosen neighbourhood's polygon (the demo map
/// in appsettings.json), stored with the initiative, and served as GeoJSON without personal data. A private emulator:
/// "nothing stored" is counted, and the GeoJSON is compared with exactly what this class submitted.
/// </summary>
public sealed class InitiativeMapTests(PrivatePlatform platform) : IClassFixture<PrivatePlatform>
{
    // In the demo polygons: the middle of Binnenstad, and a point well inside Oosterpark.
    private static readonly object InBinnenstad = new { lat = 52.155, lon = 5.3875 };
    private static readonly object InOosterpark = new { lat = 52.155, lon = 5.425 };

    private readonly Azurite storage = platform.Storage;
    private readonly PlatformFactory factory = platform.Factory;

    [Fact]
    public async Task A_point_outside_the_municipality_is_a_400_with_its_code_and_stores_nothing()
    {
        var before = await CountAsync();

        var response = await SubmitAsync(new { title = "Bankje", description = "d", neighbourhood = "oosterpark", location = new { lat = 52.3731, lon = 4.8922 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("location.outside_municipality", problem.GetProperty("code").GetString());
        Assert.StartsWith("Het punt ligt buiten de gemeente.", problem.GetProperty("dutch").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("location", out _), problem.ToString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_point_in_another_neighbourhood_is_a_400_naming_the_chosen_one_and_stores_nothing()
    {
        var before = await CountAsync();

        var response = await SubmitAsync(new { title = "Bankje", description = "d", neighbourhood = "oosterpark", location = InBinnenstad });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("location.outside_neighbourhood", problem.GetProperty("code").GetString());
        Assert.Equal("Het punt ligt niet in Oosterpark. Het ligt in Binnenstad: kies die buurt of een ander punt.", problem.GetProperty("dutch").GetString());
        Assert.StartsWith("The point is not in Oosterpark.", problem.GetProperty("errors").GetProperty("location")[0].GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_point_inside_the_bounds_but_in_no_neighbourhood_is_refused_for_the_chosen_one()
    {
        var response = await SubmitAsync(new { title = "Bankje", description = "d", neighbourhood = "zuidwijk", location = new { lat = 52.113, lon = 5.325 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("location.outside_neighbourhood", problem.GetProperty("code").GetString());
        Assert.Equal("Het punt ligt niet in Zuidwijk. Kies een punt in Zuidwijk.", problem.GetProperty("dutch").GetString());
    }

    [Theory]
    [InlineData("""{"lat":"52.155","lon":"5.3875"}""")]
    [InlineData("""{"lat":52.155}""")]
    [InlineData("""{"lat":52.155,"lon":5.3875,"address":42}""")]
    public async Task A_malformed_point_is_a_400_not_a_500(string location)
    {
        var body = $$"""{"title":"t","description":"d","neighbourhood":"binnenstad","location":{{location}}}""";

        var response = await factory.CreateClient().PostAsync("/api/initiatives", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("location", out _));
    }

    [Fact]
    public async Task A_point_in_the_chosen_neighbourhood_is_stored_and_public_and_a_neighbourhood_alone_still_does()
    {
        var located = await SubmittedCodeAsync(new { title = "Bankje bij de kerk", description = "d", neighbourhood = "binnenstad", location = new { lat = 52.155, lon = 5.3875, address = "Kerkplein 1" } });
        var plain = await SubmittedCodeAsync(new { title = "Zonder plek", description = "d", neighbourhood = "binnenstad" });

        var view = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/initiatives/{located}");
        Assert.Equal(52.155, view.GetProperty("location").GetProperty("lat").GetDouble());
        Assert.Equal(5.3875, view.GetProperty("location").GetProperty("lon").GetDouble());
        Assert.DoesNotContain("Kerkplein", view.ToString());
        var stored = await factory.Services.GetRequiredService<InitiativeStore>().FindAsync(located, CancellationToken.None);
        Assert.Equal(("Kerkplein 1", 52.155, 5.3875), (stored!.LocationText, stored.Latitude!.Value, stored.Longitude!.Value));
        var withoutPoint = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/initiatives/{plain}");
        Assert.Equal(JsonValueKind.Null, withoutPoint.GetProperty("location").ValueKind);
    }

    [Fact]
    public async Task The_idempotency_key_is_bound_to_the_point_too()
    {
        var key = Guid.NewGuid().ToString("N");
        var first = await SubmitAsync(new { title = "Eén bankje", description = "d", neighbourhood = "binnenstad", location = InBinnenstad }, key);
        var same = await SubmitAsync(new { title = "Eén bankje", description = "d", neighbourhood = "binnenstad", location = InBinnenstad }, key);
        var moved = await SubmitAsync(new { title = "Eén bankje", description = "d", neighbourhood = "binnenstad", location = new { lat = 52.150, lon = 5.380 } }, key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(await CodeOf(first), await CodeOf(same));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, moved.StatusCode);
        Assert.Equal("idempotency.key_reused", (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task GeoJson_has_the_located_initiatives_as_points_with_public_fields_only_and_honours_the_filters()
    {
        var secret = "geheim-" + Guid.NewGuid().ToString("N")[..8];
        var park = await SubmittedCodeAsync(new { title = "Bomen in het park", description = $"beschrijving {secret}", neighbourhood = "oosterpark", theme = "groen",
            email = $"{secret}@example.org", location = new { lat = 52.155, lon = 5.425, address = $"Parklaan {secret}" } });
        var centre = await SubmittedCodeAsync(new { title = "Bankje op het plein", description = "d", neighbourhood = "binnenstad", location = InBinnenstad });
        var nowhere = await SubmittedCodeAsync(new { title = "Zonder plek", description = "d", neighbourhood = "oosterpark", email = $"{secret}@example.org" });

        var response = await factory.CreateClient().GetAsync("/api/initiatives.geojson");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, raw);
        Assert.DoesNotContain("@", raw);
        Assert.DoesNotContain("anonymous-", raw); // the submitter's pseudonym

        var collection = JsonDocument.Parse(raw).RootElement;
        Assert.Equal("FeatureCollection", collection.GetProperty("type").GetString());
        var features = collection.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Contains(park, features.Keys);
        Assert.Contains(centre, features.Keys);
        Assert.DoesNotContain(nowhere, features.Keys);

        var feature = features[park];
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal([5.425, 52.155], feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        var properties = feature.GetProperty("properties");
        Assert.Equal(["neighbourhood", "status", "theme", "title", "trackingCode", "url"], properties.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(("Bomen in het park", "submitted", "groen", park), (properties.GetProperty("title").GetString(), properties.GetProperty("status").GetString(),
            properties.GetProperty("theme").GetString(), properties.GetProperty("trackingCode").GetString()));
        Assert.EndsWith($"/initiatieven/{park}", properties.GetProperty("url").GetString());

        // Every marker is an initiative the public list shows too.
        var list = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/initiatives?pageSize=100");
        var listed = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("trackingCode").GetString()).ToHashSet();
        Assert.All(features.Keys, code => Assert.Contains(code, listed));

        // The demo seed adds located initiatives of its own: the filters are checked on this test's three.
        var oosterpark = await CodesAsync("/api/initiatives.geojson?neighbourhood=oosterpark");
        Assert.Contains(park, oosterpark);
        Assert.DoesNotContain(centre, oosterpark);
        var binnenstad = await CodesAsync("/api/initiatives.geojson?neighbourhood=binnenstad");
        Assert.Contains(centre, binnenstad);
        Assert.DoesNotContain(park, binnenstad);
        var groen = await CodesAsync("/api/initiatives.geojson?theme=groen");
        Assert.Contains(park, groen);
        Assert.DoesNotContain(centre, groen);
        var accepted = await CodesAsync("/api/initiatives.geojson?status=accepted");
        Assert.DoesNotContain(park, accepted);
        Assert.DoesNotContain(centre, accepted);
        var bad = await factory.CreateClient().GetAsync("/api/initiatives.geojson?status=dragons");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_neighbourhoods_are_served_as_closed_polygons_named_as_the_routing_directory_names_them()
    {
        var response = await factory.CreateClient().GetAsync("/api/neighbourhoods.geojson");

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var collection = await response.Content.ReadFromJsonAsync<JsonElement>();
        var features = collection.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["Binnenstad", "Noorderkwartier", "Oosterpark", "Westhaven", "Zuidwijk"],
            features.Select(f => f.GetProperty("properties").GetProperty("name").GetString()).Order());
        Assert.All(features, f =>
        {
            Assert.Equal("Polygon", f.GetProperty("geometry").GetProperty("type").GetString());
            var ring = f.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
            Assert.Equal(ring[0], ring[^1]);
            Assert.All(ring, p => Assert.InRange(p.Item1, 5.3, 5.5)); // [lon, lat]: longitude first
        });
        Assert.Equal([5.32, 52.11, 5.46, 52.2], collection.GetProperty("bbox").EnumerateArray().Select(c => c.GetDouble()));
    }

    [Fact]
    public async Task The_tile_host_is_allowed_for_images_only_and_no_tile_url_allows_none()
    {
        await using var withTiles = new PlatformFactory(storage.ConnectionString, new Dictionary<string, string?>
        {
            ["FunctionHost:RunTriggers"] = "false", ["Demo:Seed"] = "false", ["Map:TileUrl"] = "https://tiles.example.test/wmts/{z}/{x}/{y}.png",
        });
        await using var blank = new PlatformFactory(storage.ConnectionString, new Dictionary<string, string?>
        {
            ["FunctionHost:RunTriggers"] = "false", ["Demo:Seed"] = "false", ["Map:TileUrl"] = "",
        });

        var policy = Directives((await withTiles.CreateClient().GetAsync("/api/neighbourhoods.geojson")).Headers.GetValues("Content-Security-Policy").Single());
        var none = Directives((await blank.CreateClient().GetAsync("/api/neighbourhoods.geojson")).Headers.GetValues("Content-Security-Policy").Single());

        Assert.Equal("'self' data: blob: https://tiles.example.test", policy["img-src"]);
        Assert.Equal("'self' data: blob:", none["img-src"]);
        Assert.All(policy.Where(d => d.Key != "img-src"), d => Assert.DoesNotContain("tiles.example.test", d.Value));
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("'self'", policy["script-src"]);
    }

    [Fact]
    public void Overlapping_neighbourhoods_in_configuration_stop_the_app_at_start()
    {
        var settings = new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false", ["Demo:Seed"] = "false" };
        // Oosterpark's first vertex moved deep into Binnenstad.
        settings["Map:Neighbourhoods:oosterpark:0:Lat"] = "52.155";
        settings["Map:Neighbourhoods:oosterpark:0:Lon"] = "5.38";
        using var broken = new PlatformFactory(storage.ConnectionString, settings);

        var failure = Assert.ThrowsAny<Exception>(() => broken.Server);

        var validation = Assert.IsType<OptionsValidationException>(failure is OptionsValidationException ? failure : failure.InnerException ?? failure.GetBaseException());
        Assert.Contains(validation.Failures, f => f.Contains("'binnenstad' and 'oosterpark' overlap", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2)).ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    private async Task<HttpResponseMessage> SubmitAsync(object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/initiatives") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await factory.CreateClient().SendAsync(request);
    }

    private async Task<string> SubmittedCodeAsync(object body)
    {
        var response = await SubmitAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await CodeOf(response);
    }

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;

    private async Task<List<string>> CodesAsync(string url) =>
        (await factory.CreateClient().GetFromJsonAsync<JsonElement>(url)).GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("id").GetString()!).ToList();

    private async Task<int> CountAsync() =>
        (await factory.Services.GetRequiredService<InitiativeStore>().ListAllAsync(null, CancellationToken.None)).Count;
}
