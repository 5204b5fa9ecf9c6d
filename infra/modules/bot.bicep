// Azure Bot registration for the single-tenant app registration, with the Direct Line and Web Chat channels.
// The bot itself is the Function App: the Bot Connector posts activities to https://<app host>/api/messages.

@description('Bot handle, unique in Azure.')
param name string

@description('Where the bot\'s data is kept: global, or westeurope for EU data residency.')
@allowed([
  'global'
  'westeurope'
])
param location string

@description('Name shown in channels.')
param displayName string

@description('Host name of the Function App.')
param appHostName string

@description('Application (client) id of the single-tenant app registration.')
param appId string

@description('Tenant of the app registration.')
param tenantId string

@allowed([
  'F0'
  'S1'
])
param sku string

param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: location
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${appHostName}/api/messages'
    msaAppId: appId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: location
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
          isBlockUserUploadEnabled: false
        }
      ]
    }
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: location
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

output name string = bot.name
output messagingEndpoint string = bot.properties.endpoint
