using Microsoft.Data.Sqlite;

namespace QaBot.Analytics.Storage;

/// <summary>One step of the SQLite schema: applied in its own transaction, after which the database is at <see cref="Version"/>.</summary>
internal sealed record SqliteMigration(int Version, string Description, Action<SqliteConnection, SqliteTransaction> Apply);
