// Azure OpenAI account with one chat model deployment. Keys are switched off: the app signs in with its managed identity.

@description('Azure region of the account (the model must be offered there).')
param location string

@description('Account name; also its custom subdomain, which Entra ID sign-in needs.')
param name string

@description('Name of the model deployment the app calls.')
param deploymentName string

@description('Model name, for example gpt-4.1-mini.')
param modelName string

@description('Model version, for example 2025-04-14.')
param modelVersion string

@description('Deployment type: DataZoneStandard keeps processing inside the EU data zone.')
@allowed([
  'Standard'
  'DataZoneStandard'
  'GlobalStandard'
])
param deploymentSku string

@description('Capacity in thousands of tokens per minute.')
@minValue(1)
param capacity int

param tags object

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2025-06-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: deploymentSku
    capacity: capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
    versionUpgradeOption: 'OnceNewDefaultVersionAvailable'
  }
}

output name string = account.name
output endpoint string = account.properties.endpoint
output deploymentName string = deployment.name
