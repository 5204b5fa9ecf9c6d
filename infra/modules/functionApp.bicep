// The Function App on the Flex Consumption plan (FC1, Linux) running our custom handler, with a system-assigned
// managed identity. Its full app settings are applied by appSettings.bicep once the identity holds its roles.

@description('Azure region.')
param location string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the Function App.')
param name string

@description('Storage account for AzureWebJobsStorage and the deployment container.')
param storageAccountName string

@description('URL of the blob container Flex Consumption deploys the package from.')
param deploymentContainerUrl string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Instances kept warm for HTTP functions (0 = scale to zero; the Bot Connector waits at most 15 seconds).')
@minValue(0)
param alwaysReadyHttpInstances int

@description('Id of the Front Door profile in front of the app (its X-Azure-FDID); empty leaves the app open to every address.')
param frontDoorId string

param tags object

// Front Door's backends share their addresses with every other Front Door profile, so the profile's own id in the
// header it sets is what tells this platform's traffic apart.
var frontDoorOnly = [
  {
    name: 'front-door'
    action: 'Allow'
    priority: 100
    tag: 'ServiceTag'
    ipAddress: 'AzureFrontDoor.Backend'
    headers: {
      'x-azure-fdid': [
        frontDoorId
      ]
    }
  }
]

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      ipSecurityRestrictions: empty(frontDoorId) ? [] : frontDoorOnly
      ipSecurityRestrictionsDefaultAction: empty(frontDoorId) ? 'Allow' : 'Deny'
      // The host needs its storage from the first start; appSettings.bicep later sets these same values again
      // together with the rest (a config/appsettings resource replaces the whole list).
      appSettings: [
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storageAccountName
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsightsConnectionString
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReadyHttpInstances > 0
          ? [
              {
                name: 'http'
                instanceCount: alwaysReadyHttpInstances
              }
            ]
          : []
      }
      // Flex Consumption takes the stack here instead of the FUNCTIONS_WORKER_RUNTIME app setting.
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
  }
}

output name string = site.name
output id string = site.id
output principalId string = site.identity.principalId
output defaultHostName string = site.properties.defaultHostName
