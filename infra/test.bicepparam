// Test environment. Secrets and the bot's app id come from environment variables of the shell that deploys
// (see infra/README.md); an empty secret keeps the value already stored in Key Vault.
using 'main.bicep'

param environmentName = 'test'
param municipalityName = 'Gemeente Voorbeeld'
param mailFromAddress = 'participatie-test@voorbeeld.nl'
param botAppId = readEnvironmentVariable('BOT_APP_ID')

// Small and cheap: scale to zero, short log retention, little model capacity.
param maximumInstanceCount = 20
param alwaysReadyHttpInstances = 0
param logRetentionInDays = 30
param openAiCapacity = 10
param botSku = 'F0'

param sendGridApiKey = readEnvironmentVariable('SENDGRID_API_KEY', '')
param identityPepper = readEnvironmentVariable('IDENTITY_PEPPER', '')
param botAppPassword = readEnvironmentVariable('BOT_APP_PASSWORD', '')
param directLineSecret = readEnvironmentVariable('BOT_DIRECTLINE_SECRET', '')
param staffClientId = readEnvironmentVariable('STAFF_CLIENT_ID', '')
param staffClientSecret = readEnvironmentVariable('STAFF_CLIENT_SECRET', '')
param residentsAuthority = readEnvironmentVariable('RESIDENTS_AUTHORITY', '')
param residentsClientId = readEnvironmentVariable('RESIDENTS_CLIENT_ID', '')
param residentsClientSecret = readEnvironmentVariable('RESIDENTS_CLIENT_SECRET', '')
