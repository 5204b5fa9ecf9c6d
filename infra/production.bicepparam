// Production environment. Secrets and the bot's app id come from environment variables of the shell that deploys
// (see infra/README.md); an empty secret keeps the value already stored in Key Vault.
using 'main.bicep'

param environmentName = 'production'
param municipalityName = 'Gemeente Voorbeeld'
// Once a custom domain is bound to the Function App, links in e-mail should use it:
// param publicBaseUrl = 'https://participatie.voorbeeld.nl'
param mailFromAddress = 'participatie@voorbeeld.nl'
param botAppId = readEnvironmentVariable('BOT_APP_ID')

// One warm instance keeps the chatbot inside the Bot Connector's 15-second window after a quiet night.
param maximumInstanceCount = 200
param alwaysReadyHttpInstances = 1
param logRetentionInDays = 90
param openAiCapacity = 50
param botSku = 'S1'
param keyVaultPurgeProtection = true

// Rate limits per client address at the edge, and the app reachable only through Front Door.
param deployFrontDoor = true

param sendGridApiKey = readEnvironmentVariable('SENDGRID_API_KEY', '')
param identityPepper = readEnvironmentVariable('IDENTITY_PEPPER', '')
param botAppPassword = readEnvironmentVariable('BOT_APP_PASSWORD', '')
param directLineSecret = readEnvironmentVariable('BOT_DIRECTLINE_SECRET', '')
param staffClientId = readEnvironmentVariable('STAFF_CLIENT_ID', '')
param staffClientSecret = readEnvironmentVariable('STAFF_CLIENT_SECRET', '')
param residentsAuthority = readEnvironmentVariable('RESIDENTS_AUTHORITY', '')
param residentsClientId = readEnvironmentVariable('RESIDENTS_CLIENT_ID', '')
param residentsClientSecret = readEnvironmentVariable('RESIDENTS_CLIENT_SECRET', '')
