using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// The ballots of every budget. A budget's ballots are spread over <see cref="Buckets"/> partitions by the first hex
/// digit of the voter's pseudonym, so a busy vote is not capped by one partition's 2,000 writes per second. A voting
/// code's row lives in the partition of the ballot it will key, so redeeming the code and storing the ballot (with its
/// receipt) is one entity-group transaction.
/// </summary>
/// <remarks>
/// Keys: partition <c>{budgetId}|{0-f}</c>; rows <c>ballot|{voter pseudonym}</c>, <c>code|{code hash}</c>,
/// <c>receipt|{receipt hash}</c>, <c>binding|{resident pseudonym}</c>, and <c>count</c>: the number of ballots in the
/// partition, raised in the transaction that stores a voter's first ballot, so turnout is 16 point reads however many
/// voted (plus the paper batches' headers). Pseudonyms and code hashes are HMACs with the
/// budget id in the purpose: the same resident or code gives unrelated keys in two budgets.
/// </remarks>
public sealed class BallotBox(TableServiceClient tables, Pseudonyms pseudonyms, PaperBallotBatches batches)
{
    public const string Table = "Ballots";
    public const int Buckets = 16;
    private const string BallotPrefix = "ballot|";
    private const string CodePrefix = "code|";
    private const string ReceiptPrefix = "receipt|";
    private const string BindingPrefix = "binding|";
    private const string CountRow = "count";
    private readonly TableClient ballots = tables.GetTableClient(Table);

    /// <summary>Who casts a ballot, as the ballot box knows them: a pseudonym, and for codes the code's row.</summary>
    public sealed record Voter(string BudgetId, string Pseudonym, string? CodeHash)
    {
        public string Partition => PartitionOf(BudgetId, Pseudonym);
    }

    public Voter ForCode(string budgetId, string code) =>
        new(budgetId, pseudonyms.For($"ballot|{budgetId}", "code:" + code), pseudonyms.For($"voting-code|{budgetId}", code));

    public Voter ForResident(string budgetId, string subject) =>
        new(budgetId, pseudonyms.For($"ballot|{budgetId}", "resident:" + subject), null);

    /// <summary>The signed-in resident's key for binding a code to them; unrelated to their ballot pseudonym.</summary>
    public string BindingOf(string budgetId, string subject) => pseudonyms.For($"voter-binding|{budgetId}", subject);

    public static string PartitionOf(string budgetId, string pseudonym) => $"{budgetId}|{pseudonym[0]}";

    public static IEnumerable<string> Partitions(string budgetId) =>
        Enumerable.Range(0, Buckets).Select(bucket => $"{budgetId}|{bucket:x}");

    /// <summary>
    /// Stores new codes for letters <paramref name="firstLetter"/>… (hashed, with their letter number; the codes themselves
    /// exist only in the returned list) in batches per partition.
    /// </summary>
    public async Task<IReadOnlyList<(int Letter, string Code)>> GenerateCodesAsync(
        string budgetId, int firstLetter, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var issued = new List<(int Letter, string Code)>(count);
        var letters = new Queue<int>(Enumerable.Range(firstLetter, count));
        while (letters.Count > 0)
        {
            var fresh = Enumerable.Range(0, Math.Min(1000, letters.Count)).Select(_ => (Letter: letters.Dequeue(), Code: VotingCodes.New())).ToList();
            foreach (var partition in fresh.Select(c => (c.Letter, c.Code, Voter: ForCode(budgetId, c.Code))).GroupBy(c => c.Voter.Partition))
            {
                foreach (var chunk in partition.Chunk(100)) // an entity-group transaction holds at most 100 operations
                {
                    try
                    {
                        await ballots.SubmitTransactionAsync(chunk.Select(c => new TableTransactionAction(TableTransactionActionType.Add, CodeEntity(c.Voter, now, c.Letter))), cancellationToken);
                        issued.AddRange(chunk.Select(c => (c.Letter, c.Code)));
                    }
                    catch (TableTransactionFailedException exception) when (exception.Status == 409)
                    {
                        // A 2^-59 collision with an issued code: this chunk's letters get new codes in the next round.
                        foreach (var c in chunk)
                        {
                            letters.Enqueue(c.Letter);
                        }
                    }
                }
            }
        }

        return issued.OrderBy(c => c.Letter).ToList();
    }

    /// <summary>The code row issued for a letter, if any: where it lives and whether it was used.</summary>
    public sealed record IssuedCode(string Partition, string RowKey, ETag ETag, bool Redeemed);

    public async Task<IssuedCode?> FindCodeOfLetterAsync(string budgetId, int letter, CancellationToken cancellationToken)
    {
        foreach (var partition in Partitions(budgetId))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {CodePrefix} and RowKey lt {"code}"} and Letter eq {letter}");
            await foreach (var entity in ballots.QueryAsync<TableEntity>(filter, select: ["RowKey", "Redeemed"], cancellationToken: cancellationToken))
            {
                return new IssuedCode(partition, entity.RowKey, entity.ETag, entity.GetBoolean("Redeemed") ?? false);
            }
        }

        return null;
    }

    /// <summary>
    /// Voids an unused code: the row goes, so the code is unknown from then on. Conditional on the row as read unused:
    /// false when a ballot redeemed it meanwhile (that ballot stands, and the code is not voided).
    /// </summary>
    public async Task<bool> VoidCodeAsync(IssuedCode code, CancellationToken cancellationToken)
    {
        try
        {
            await ballots.DeleteEntityAsync(code.Partition, code.RowKey, code.ETag, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Demo data only: a fixed, printed code.</summary>
    public async Task AddCodeAsync(string budgetId, string code, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ballots.UpsertEntityAsync(CodeEntity(ForCode(budgetId, code), now), TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> CodeExistsAsync(Voter voter, CancellationToken cancellationToken) =>
        voter.CodeHash is not null && (await ballots.GetEntityIfExistsAsync<TableEntity>(voter.Partition, CodePrefix + voter.CodeHash, ["RowKey"], cancellationToken)).HasValue;

    private static TableEntity CodeEntity(Voter voter, DateTimeOffset now, int? letter = null) =>
        new(voter.Partition, CodePrefix + voter.CodeHash) { ["IssuedAt"] = now, ["Redeemed"] = false, ["Letter"] = letter };

    /// <summary>
    /// Binds a code to a signed-in resident, once per budget: a resident who holds two letters (or signs in and uses a
    /// neighbour's) cannot vote twice. True when bound to this code (now or before).
    /// </summary>
    public async Task<bool> BindCodeAsync(string budgetId, string binding, string codeHash, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(budgetId, binding);
        try
        {
            await ballots.AddEntityAsync(new TableEntity(partition, BindingPrefix + binding) { ["CodeHash"] = codeHash }, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var existing = await ballots.GetEntityAsync<TableEntity>(partition, BindingPrefix + binding, cancellationToken: cancellationToken);
            return existing.Value.GetString("CodeHash") == codeHash;
        }
    }

    public abstract record CastOutcome;
    public sealed record Stored(string Receipt, string Fingerprint, bool Replaced) : CastOutcome;
    public sealed record UnknownCode : CastOutcome;
    /// <summary>The voter's ballot is a paper one: final, not replaced online (and a second paper ballot is a duplicate).</summary>
    public sealed record AlreadyOnPaper(string? Batch) : CastOutcome;
    /// <summary>An online ballot exists; a paper one is not counted on top of it.</summary>
    public sealed record AlreadyOnline : CastOutcome;
    /// <summary>The code was first used by a signed-in resident; only they may replace its ballot.</summary>
    public sealed record BoundToAnother : CastOutcome;
    /// <summary>
    /// A later submission of the same voter is stored already: this one arrived earlier but reached storage later (it hung
    /// while storage was away, and the resident retried and went on meanwhile). The later choice stands.
    /// </summary>
    public sealed record Superseded : CastOutcome;

    /// <summary>
    /// Stores the voter's ballot, or replaces it. Insert, never upsert: the row key is the voter's pseudonym, so of two
    /// racing first ballots one fails on the key and becomes a replacement under the other's ETag — always one row.
    /// </summary>
    public async Task<CastOutcome> CastAsync(
        Voter voter, Ballot ballot, string? binding, bool paper, DateTimeOffset now, CancellationToken cancellationToken, string? batch = null)
    {
        var receipt = VotingCodes.NewWithLead(Convert.ToInt32(voter.Pseudonym[..1], 16));
        var receiptHash = Hash(receipt);
        var fingerprint = Fingerprint(receipt, ballot);
        var receiptRow = new TableEntity(voter.Partition, ReceiptPrefix + receiptHash)
        {
            ["Voter"] = voter.Pseudonym, ["Fingerprint"] = fingerprint, ["SubmittedAt"] = now, ["Paper"] = paper,
        };
        var ballotRow = BallotEntity(voter, ballot, paper, now, receiptHash, binding);
        // The paper batch that counted this ballot: confirming a batch again finds its own ballots, not duplicates.
        ballotRow["Batch"] = batch;

        var attempt = -1;
        return await OptimisticConcurrency.RetryAsync<CastOutcome>(async token =>
        {
            attempt++;
            var insert = new List<TableTransactionAction>();
            if (voter.CodeHash is not null)
            {
                // Merge fails with 404 on a code that was never issued; the ballot's insert makes the redemption once-only.
                insert.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                    new TableEntity(voter.Partition, CodePrefix + voter.CodeHash) { ["Redeemed"] = true, ["Channel"] = paper ? "paper" : "online" }, ETag.All));
            }

            insert.Add(new TableTransactionAction(TableTransactionActionType.Add, ballotRow));
            insert.Add(new TableTransactionAction(TableTransactionActionType.Add, receiptRow));
            insert.Add(await RaiseCountAsync(voter.Partition, batched: batch is not null, token));
            try
            {
                await ballots.SubmitTransactionAsync(insert, token);
                return new Stored(receipt, fingerprint, Replaced: false);
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 404)
            {
                return new UnknownCode();
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 or 400 or 500 or 503)
            {
                // The voter has a ballot already: replace it below; or another first ballot raised the partition's
                // count meanwhile: try again. (Azurite reports some conflicts inside a batch as 400, and a busy emulator
                // or service can answer 500/503; reading first tells which case this is.)
            }

            var existing = await ballots.GetEntityIfExistsAsync<TableEntity>(voter.Partition, BallotPrefix + voter.Pseudonym, cancellationToken: token);
            if (!existing.HasValue)
            {
                return Attempt<CastOutcome>.Conflict;
            }

            var current = existing.Value!;
            if (current.GetString("ReceiptHash") == receiptHash)
            {
                // This very submission is stored: the SDK retried a transaction whose answer was lost on the way back.
                return new Stored(receipt, fingerprint, Replaced: attempt > 0);
            }

            if (current.GetBoolean("Paper") == true)
            {
                return new AlreadyOnPaper(current.GetString("Batch"));
            }

            if (paper)
            {
                return new AlreadyOnline();
            }

            var boundTo = current.GetString("BoundTo");
            if (boundTo is not null && boundTo != binding)
            {
                return new BoundToAnother();
            }

            // Submissions are ordered by when they reached the app, not by when storage took them: a request that hung
            // through an outage must not overwrite the choice its voter made (and was acknowledged) after it.
            var at = now;
            if (current.GetDateTimeOffset("SubmittedAt") is { } stored && stored > now)
            {
                if (current.GetString("Projects") != ballotRow.GetString("Projects") || current.GetString("Points") != ballotRow.GetString("Points"))
                {
                    return new Superseded();
                }

                // The same choice twice at once (a double click): nothing to overrule, so this one is stored too and
                // answered normally, keeping the later moment so a choice that hung longer still cannot overwrite it.
                at = stored;
            }

            var replaced = BallotEntity(voter, ballot, paper, at, receiptHash, boundTo ?? binding);
            List<TableTransactionAction> replace =
            [
                new(TableTransactionActionType.UpdateReplace, replaced, current.ETag),
                new(TableTransactionActionType.Add, receiptRow),
            ];
            if (current.GetString("ReceiptHash") is { } previous)
            {
                replace.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                    new TableEntity(voter.Partition, ReceiptPrefix + previous) { ["ReplacedAt"] = now }, ETag.All));
            }

            try
            {
                await ballots.SubmitTransactionAsync(replace, token);
                return new Stored(receipt, fingerprint, Replaced: true);
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 or 400 or 500 or 503)
            {
                // Another submission of the same voter won the ETag: read again and replace that one.
                return Attempt<CastOutcome>.Conflict;
            }
        }, () => throw new InvalidOperationException("A ballot kept conflicting with other submissions of the same voter."), cancellationToken, attempts: 20);
    }

    public sealed record ReceiptStatus(bool Counted, string Fingerprint, DateTimeOffset SubmittedAt, bool Paper, DateTimeOffset? ReplacedAt);

    /// <summary>
    /// What a receipt says: whether the ballot it was given for is the one in the count, and a fingerprint of that
    /// ballot recomputed from what is stored now — equal to the one shown at voting if and only if nothing changed.
    /// </summary>
    public async Task<ReceiptStatus?> CheckReceiptAsync(string budgetId, string receipt, CancellationToken cancellationToken)
    {
        var bucket = VotingCodes.Alphabet.IndexOf(receipt[0], StringComparison.Ordinal);
        if (bucket is < 0 or >= Buckets)
        {
            return null;
        }

        var partition = $"{budgetId}|{bucket:x}";
        var hash = Hash(receipt);
        var row = await ballots.GetEntityIfExistsAsync<TableEntity>(partition, ReceiptPrefix + hash, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var entry = row.Value!;
        var ballot = await ballots.GetEntityIfExistsAsync<TableEntity>(partition, BallotPrefix + entry.GetString("Voter"), cancellationToken: cancellationToken);
        var counted = ballot.HasValue && ballot.Value!.GetString("ReceiptHash") == hash;
        var fingerprint = counted ? Fingerprint(receipt, ToBallot(ballot.Value!)) : entry.GetString("Fingerprint") ?? "";
        return new ReceiptStatus(counted && fingerprint == entry.GetString("Fingerprint"), fingerprint,
            entry.GetDateTimeOffset("SubmittedAt") ?? default, entry.GetBoolean("Paper") ?? false, entry.GetDateTimeOffset("ReplacedAt"));
    }

    /// <summary>What "Mijn omgeving" may say about a signed-in resident's vote in a budget: never its content.</summary>
    public sealed record ResidentVote(DateTimeOffset? SubmittedAt, bool WithCode);

    /// <summary>
    /// The signed-in resident's vote in this budget, if any: their own ballot in a residents' budget, or the voting code
    /// they bound to themselves by voting signed in (the ballot of a code cannot be found without the code itself).
    /// </summary>
    public async Task<ResidentVote?> FindResidentVoteAsync(string budgetId, string subject, CancellationToken cancellationToken)
    {
        var voter = ForResident(budgetId, subject);
        var ballot = await ballots.GetEntityIfExistsAsync<TableEntity>(voter.Partition, BallotPrefix + voter.Pseudonym, select: ["SubmittedAt"], cancellationToken: cancellationToken);
        if (ballot.HasValue)
        {
            return new ResidentVote(ballot.Value!.GetDateTimeOffset("SubmittedAt"), WithCode: false);
        }

        var binding = BindingOf(budgetId, subject);
        var bound = await ballots.GetEntityIfExistsAsync<TableEntity>(PartitionOf(budgetId, binding), BindingPrefix + binding, select: ["RowKey"], cancellationToken: cancellationToken);
        return bound.HasValue ? new ResidentVote(null, WithCode: true) : null;
    }

    /// <summary>How many voting codes were issued for a budget: the rows only, the codes themselves are never stored.</summary>
    public async Task<int> CountCodesAsync(string budgetId, CancellationToken cancellationToken)
    {
        var perBucket = await Task.WhenAll(Partitions(budgetId).Select(async partition =>
        {
            var count = 0;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {CodePrefix} and RowKey lt {"code}"}");
            await foreach (var _ in ballots.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                count++;
            }

            return count;
        }));
        return perBucket.Sum();
    }

    /// <summary>
    /// The partition's count raised by one, under the ETag read: two first ballots racing in one partition cannot both
    /// commit. A partition without a count (ballots stored before counts were kept) starts from its ballots. Ballots of
    /// a paper batch are counted apart (<c>Batched</c>): they join the turnout only once their batch is counted.
    /// </summary>
    private async Task<TableTransactionAction> RaiseCountAsync(string partition, bool batched, CancellationToken cancellationToken)
    {
        var response = await ballots.GetEntityIfExistsAsync<TableEntity>(partition, CountRow, cancellationToken: cancellationToken);
        var count = response.HasValue ? response.Value : null;
        var raised = new TableEntity(partition, CountRow)
        {
            ["Ballots"] = (count is null ? await CountBallotRowsAsync(partition, batchedOnly: false, cancellationToken) : count.GetInt64("Ballots") ?? 0) + 1,
            ["Batched"] = (count?.GetInt64("Batched") ?? await CountBallotRowsAsync(partition, batchedOnly: true, cancellationToken)) + (batched ? 1 : 0),
        };
        return count is null
            ? new TableTransactionAction(TableTransactionActionType.Add, raised)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, raised, count.ETag);
    }

    /// <summary>
    /// How many voters cast a ballot in a budget: online, and on paper in counted batches (a batch being confirmed, or
    /// refused, is in no figure), from the partitions' counts and the batches' headers.
    /// </summary>
    public async Task<long> CountBallotsAsync(string budgetId, CancellationToken cancellationToken)
    {
        var perBucket = await Task.WhenAll(Partitions(budgetId).Select(async partition =>
        {
            var response = await ballots.GetEntityIfExistsAsync<TableEntity>(partition, CountRow, select: ["Ballots", "Batched"], cancellationToken: cancellationToken);
            var count = response.HasValue ? response.Value : null;
            var all = count is null ? await CountBallotRowsAsync(partition, batchedOnly: false, cancellationToken) : count.GetInt64("Ballots") ?? 0;
            return all - (count?.GetInt64("Batched") ?? await CountBallotRowsAsync(partition, batchedOnly: true, cancellationToken));
        }));
        var counted = (await batches.ListAsync(budgetId, cancellationToken)).Where(b => b.Status == PaperBatch.Counted).Sum(b => (long)(b.Imported ?? 0));
        return perBucket.Sum() + counted;
    }

    private async Task<long> CountBallotRowsAsync(string partition, bool batchedOnly, CancellationToken cancellationToken)
    {
        var rows = 0L;
        // A ballot of a paper batch has a Batch property; the others have none, which no comparison matches.
        var filter = BallotRows(partition) + (batchedOnly ? " and Batch ge ''" : "");
        await foreach (var _ in ballots.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            rows++;
        }

        return rows;
    }

    private static string BallotRows(string partition) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {BallotPrefix} and RowKey lt {"ballot}"}");

    public sealed record StoredBallot(Ballot Ballot, bool Paper);

    /// <summary>
    /// Every ballot of a budget that counts: one per voter, whatever was replaced, paper ones only of counted batches.
    /// Buckets are read in parallel.
    /// </summary>
    public async Task<IReadOnlyList<StoredBallot>> ReadAllAsync(string budgetId, CancellationToken cancellationToken)
    {
        // Batches before ballots: a batch is marked counted only after all its ballots are stored, so one counted by now
        // has every ballot in the read below, and one counted later has none in this count — never a part.
        var counted = await batches.CountedAsync(budgetId, cancellationToken);
        var perBucket = await Task.WhenAll(Partitions(budgetId).Select(async partition =>
        {
            var found = new List<StoredBallot>();
            var filter = BallotRows(partition);
            await foreach (var entity in ballots.QueryAsync<TableEntity>(filter, select: ["Projects", "Points", "Paper", "Batch"], cancellationToken: cancellationToken))
            {
                if (entity.GetString("Batch") is not { } batch || counted.Contains(batch))
                {
                    found.Add(new StoredBallot(ToBallot(entity), entity.GetBoolean("Paper") ?? false));
                }
            }

            return found;
        }));
        return perBucket.SelectMany(b => b).ToList();
    }

    private static TableEntity BallotEntity(Voter voter, Ballot ballot, bool paper, DateTimeOffset now, string receiptHash, string? boundTo) =>
        new(voter.Partition, BallotPrefix + voter.Pseudonym)
        {
            ["Projects"] = string.Join(',', ballot.Projects),
            ["Points"] = ballot.Points is { } points ? string.Join(',', points.Select(p => p.ToString(CultureInfo.InvariantCulture))) : null,
            ["Paper"] = paper,
            ["SubmittedAt"] = now,
            ["ReceiptHash"] = receiptHash,
            ["BoundTo"] = boundTo,
        };

    private static Ballot ToBallot(TableEntity entity)
    {
        var projects = (entity.GetString("Projects") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        return entity.GetString("Points") is { Length: > 0 } points
            ? Ballot.Cumulative(projects.Zip(points.Split(',').Select(p => long.Parse(p, CultureInfo.InvariantCulture)), (id, value) => KeyValuePair.Create(id, value)))
            : Ballot.Approval(projects);
    }

    private static string Hash(string receipt) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(receipt)));

    /// <summary>Salted by the receipt, so the fingerprint of a popular ballot cannot be looked up without the receipt.</summary>
    private static string Fingerprint(string receipt, Ballot ballot)
    {
        var content = ballot.Points is { } points
            ? string.Join(',', ballot.Projects.Zip(points, (id, value) => $"{id}={value}"))
            : string.Join(',', ballot.Projects);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(receipt + "\n" + content)))[..16];
    }
}
