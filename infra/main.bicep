// The participation platform in one resource group: a custom-handler Function App on Flex Consumption, its storage,
// Key Vault, Azure OpenAI, the Azure Bot and monitoring. Deploy with a parameter file:
//   az deployment group create -g <group> -f infra/main.bicep -p infra/test.bicepparam
// Every app setting the app reads (Participation.Hosting.AppSettings.All) is set below; a test checks that.

targetScope = 'resourceGroup'

@description('Environment; part of every resource name.')
@allowed([
  'test'
  'acceptance'
  'production'
])
param environmentName string

@description('Azure region for all resources except the bot.')
param location string = 'westeurope'

@description('The municipality\'s name as residents read it, for example "Gemeente Voorbeeld".')
@minLength(2)
param municipalityName string

@description('Short lowercase prefix for resource names (letters and digits).')
@minLength(3)
@maxLength(10)
param namePrefix string = 'particip'

@description('Public address of the platform, without a trailing slash; empty means https://<Function App host>.')
param publicBaseUrl string = ''

@description('Sender address of platform e-mail; its domain must be verified in SendGrid.')
param mailFromAddress string

@description('Application (client) id of the bot\'s single-tenant app registration.')
@minLength(36)
@maxLength(36)
param botAppId string

@description('Tenant of the bot\'s app registration.')
param botTenantId string = tenant().tenantId

@description('Where the bot\'s data is kept: global, or westeurope for EU data residency (then Web Chat uses the European Direct Line host).')
@allowed([
  'global'
  'westeurope'
])
param botLocation string = 'global'

@description('Azure Bot pricing tier; Direct Line and Web Chat are standard channels, free in both.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Deploy Azure OpenAI; without it the app answers from the knowledge base only.')
param deployOpenAi bool = true

@description('Region of the Azure OpenAI account; the model and deployment type must be offered there.')
param openAiLocation string = location

@description('Chat model.')
param openAiModelName string = 'gpt-4.1-mini'

@description('Chat model version.')
param openAiModelVersion string = '2025-04-14'

@description('Deployment type: DataZoneStandard keeps prompts and answers inside the EU data zone.')
@allowed([
  'Standard'
  'DataZoneStandard'
  'GlobalStandard'
])
param openAiDeploymentSku string = 'DataZoneStandard'

@description('Model capacity in thousands of tokens per minute.')
@minValue(1)
param openAiCapacity int = 10

@description('Memory per Function App instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most Function App instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Instances kept warm for HTTP (0 lets the app scale to zero).')
@minValue(0)
param alwaysReadyHttpInstances int = 0

@description('Put Azure Front Door with a WAF policy in front of the app: rate limits per client address at the edge, and the app then accepts traffic only from this Front Door. Off by default: a profile has a monthly base fee.')
param deployFrontDoor bool = false

@description('Front Door tier when deployed: Standard has the custom rate-limit rules; Premium adds managed rule sets.')
@allowed([
  'Standard_AzureFrontDoor'
  'Premium_AzureFrontDoor'
])
param frontDoorSku string = 'Standard_AzureFrontDoor'

@description('Edge limit on public writes (submissions, supports, comments, votes, tally, chat) per client address per minute; generous, since a library or polling station shares one address. The app limits each voter, session and resident far lower.')
@minValue(10)
param edgePublicWritesPerMinute int = 120

@description('Edge limit on requests of any kind per client address per minute.')
@minValue(10)
param edgeRequestsPerMinute int = 1200

@description('Days that logs are kept.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Key Vault purge protection; once on it stays on.')
param keyVaultPurgeProtection bool = false

@secure()
@description('SendGrid API key (Mail Send permission). Empty keeps the secret already in Key Vault.')
param sendGridApiKey string

@secure()
@description('Pepper for pseudonymising voters and supporters, at least 32 random bytes. Set it once, never change it. Empty keeps the stored one.')
param identityPepper string

@secure()
@description('Client secret of the bot\'s app registration. Empty keeps the secret already in Key Vault.')
param botAppPassword string

@secure()
@description('Secret of the built-in Direct Line channel (the site\'s chat); outside Development the channel refuses to start without it. Empty keeps the stored one.')
param directLineSecret string

@description('Staff sign-in: the Entra ID tenant of the app registration with the platform\'s app roles.')
param staffTenantId string = tenant().tenantId

@description('Staff sign-in: application (client) id of the Entra ID app registration; empty switches the site\'s staff sign-in off.')
param staffClientId string = ''

@secure()
@description('Staff sign-in: client secret of that app registration. Empty keeps the stored one.')
param staffClientSecret string

@description('Residents\' sign-in: OpenID Connect authority of the municipality\'s provider (e.g. a DigiD broker); empty switches it off.')
param residentsAuthority string = ''

@description('Residents\' sign-in: client id at that provider.')
param residentsClientId string = ''

@description('Residents\' sign-in: acr_values to ask for, e.g. the broker\'s name for DigiD Midden.')
param residentsAcrValues string = ''

@secure()
@description('Residents\' sign-in: client secret at that provider. Empty keeps the stored one.')
param residentsClientSecret string

var shortEnvironment = {
  test: 'tst'
  acceptance: 'acc'
  production: 'prd'
}[environmentName]
var prefix = toLower(namePrefix)
var token = take(uniqueString(resourceGroup().id, environmentName), 6)
var baseName = '${prefix}-${shortEnvironment}-${token}'
var names = {
  functionApp: 'func-${baseName}'
  plan: 'plan-${baseName}'
  storage: 'st${prefix}${shortEnvironment}${token}'
  keyVault: 'kv-${baseName}'
  openAi: 'oai-${baseName}'
  bot: 'bot-${baseName}'
  workspace: 'log-${baseName}'
  appInsights: 'appi-${baseName}'
  deploymentContainer: 'deployment-package'
  openAiDeployment: 'chat'
  frontDoor: 'afd-${baseName}'
  frontDoorEndpoint: 'web-${baseName}'
  wafPolicy: 'waf${prefix}${shortEnvironment}${token}'
}
var secretNames = {
  sendGridApiKey: 'sendgrid-api-key'
  identityPepper: 'identity-pepper'
  botAppPassword: 'bot-app-password'
  directLineSecret: 'bot-directline-secret'
  staffClientSecret: 'identity-staff-client-secret'
  residentsClientSecret: 'identity-residents-client-secret'
}
var tags = {
  application: 'participation'
  environment: environmentName
  municipality: municipalityName
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: names.storage
    deploymentContainerName: names.deploymentContainer
    tags: tags
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    name: names.keyVault
    enablePurgeProtection: keyVaultPurgeProtection
    secretNames: secretNames
    sendGridApiKey: sendGridApiKey
    identityPepper: identityPepper
    botAppPassword: botAppPassword
    directLineSecret: directLineSecret
    staffClientSecret: staffClientSecret
    residentsClientSecret: residentsClientSecret
    tags: tags
  }
}

module openAi 'modules/openAi.bicep' = if (deployOpenAi) {
  name: 'openAi'
  params: {
    location: openAiLocation
    name: names.openAi
    deploymentName: names.openAiDeployment
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentSku: openAiDeploymentSku
    capacity: openAiCapacity
    tags: tags
  }
}

module frontDoor 'modules/frontDoor.bicep' = if (deployFrontDoor) {
  name: 'frontDoor'
  params: {
    profileName: names.frontDoor
    endpointName: names.frontDoorEndpoint
    wafPolicyName: names.wafPolicy
    sku: frontDoorSku
    publicWritesPerMinute: edgePublicWritesPerMinute
    requestsPerMinute: edgeRequestsPerMinute
    tags: tags
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  params: {
    location: location
    planName: names.plan
    name: names.functionApp
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    frontDoorId: frontDoor.?outputs.frontDoorId ?? ''
    tags: tags
  }
}

module frontDoorRoute 'modules/frontDoorRoute.bicep' = if (deployFrontDoor) {
  name: 'frontDoorRoute'
  params: {
    // Names known before deployment, so that What-If can predict the route; the app's host comes after the profile.
    profileName: names.frontDoor
    endpointName: names.frontDoorEndpoint
    originHostName: functionApp.outputs.defaultHostName
  }
}

// Where residents, e-mail links and the Bot Connector reach the app: Front Door's host when it is in front.
var publicHostName = frontDoor.?outputs.hostName ?? functionApp.outputs.defaultHostName

module roleAssignments 'modules/roleAssignments.bicep' = {
  name: 'roleAssignments'
  params: {
    principalId: functionApp.outputs.principalId
    // Names known before deployment, so that What-If can predict the assignments.
    appId: resourceId('Microsoft.Web/sites', names.functionApp)
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    openAiAccountName: deployOpenAi ? names.openAi : ''
  }
  dependsOn: [
    keyVault
    openAi
  ]
}

resource site 'Microsoft.Web/sites@2024-11-01' existing = {
  name: names.functionApp
}

// The whole list of app settings, applied after the identity holds its roles so that Key Vault references and
// identity-based storage resolve on the first start. Names follow Participation.Hosting.AppSettings.All.
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__accountName: storage.outputs.name
    APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
    Municipality__Name: municipalityName
    Platform__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${publicHostName}' : publicBaseUrl
    // Front Door's X-Forwarded-For ends in its own address; X-Azure-SocketIP is the client's, set by Front Door itself.
    Identity__ClientAddressHeader: deployFrontDoor ? 'X-Azure-SocketIP' : ''
    Identity__Pepper: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${secretNames.identityPepper})'
    SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${secretNames.sendGridApiKey})'
    SendGrid__FromAddress: mailFromAddress
    OpenAI__Endpoint: openAi.?outputs.endpoint ?? ''
    OpenAI__Deployment: openAi.?outputs.deploymentName ?? ''
    Bot__MicrosoftAppId: botAppId
    // A single-tenant bot gets its Bot Connector tokens from its own tenant.
    Bot__TokenEndpoint: '${environment().authentication.loginEndpoint}${botTenantId}/oauth2/v2.0/token'
    Bot__MicrosoftAppPassword: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${secretNames.botAppPassword})'
    Bot__DirectLineSecret: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${secretNames.directLineSecret})'
    Identity__Staff__Authority: empty(staffClientId) ? '' : '${environment().authentication.loginEndpoint}${staffTenantId}/v2.0'
    Identity__Staff__Audience: staffClientId
    Identity__Staff__ClientId: staffClientId
    Identity__Staff__ClientSecret: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${secretNames.staffClientSecret})'
    Identity__Residents__Authority: residentsAuthority
    Identity__Residents__Audience: residentsClientId
    Identity__Residents__ClientId: residentsClientId
    Identity__Residents__ClientSecret: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${secretNames.residentsClientSecret})'
    Identity__Residents__AcrValues: residentsAcrValues
  }
  dependsOn: [
    roleAssignments
  ]
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: names.bot
    location: botLocation
    displayName: municipalityName
    appHostName: publicHostName
    appId: botAppId
    tenantId: botTenantId
    sku: botSku
    tags: tags
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHostName string = functionApp.outputs.defaultHostName
output publicHostName string = publicHostName
output storageAccountName string = storage.outputs.name
output keyVaultName string = keyVault.outputs.name
output botName string = bot.outputs.name
output botMessagingEndpoint string = bot.outputs.messagingEndpoint
output openAiEndpoint string = openAi.?outputs.endpoint ?? ''
