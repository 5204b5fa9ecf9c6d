// What most of the bot's files use: options and logging, the Bot Framework activity types and the knowledge base.
// Everything else is imported where it is used.
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
global using Participation.Bot.Knowledge;
global using Participation.Bot.Protocol;
