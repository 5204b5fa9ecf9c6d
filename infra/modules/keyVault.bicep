// Key Vault in RBAC mode for the app's secrets. A secret is written only when a value is given, so that a later
// deployment without the value keeps the secret as it is: the pepper in particular must never change, or every
// voter and supporter pseudonym changes with it.

@description('Azure region.')
param location string

@description('Key Vault name: 3-24 letters, digits and hyphens, unique in Azure.')
@minLength(3)
@maxLength(24)
param name string

@description('Turn on purge protection (cannot be turned off again).')
param enablePurgeProtection bool

@description('Names of the secrets in the vault, by purpose.')
param secretNames {
  sendGridApiKey: string
  identityPepper: string
  botAppPassword: string
  directLineSecret: string
  staffClientSecret: string
  residentsClientSecret: string
}

@secure()
@description('SendGrid API key; empty keeps the stored secret.')
param sendGridApiKey string

@secure()
@description('Pepper for pseudonyms; empty keeps the stored secret.')
param identityPepper string

@secure()
@description('Client secret of the bot app registration; empty keeps the stored secret.')
param botAppPassword string

@secure()
@description('Secret of the built-in Direct Line channel; empty keeps the stored secret.')
param directLineSecret string

@secure()
@description('Client secret of the staff sign-in app registration (Entra ID); empty keeps the stored secret.')
param staffClientSecret string

@secure()
@description('Client secret at the residents\' identity provider (DigiD broker); empty keeps the stored secret.')
param residentsClientSecret string

param tags object

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Key Vault rejects an explicit false: leave the property out unless it is switched on.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: secretNames.sendGridApiKey
  properties: {
    value: sendGridApiKey
  }
}

resource pepperSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(identityPepper)) {
  parent: vault
  name: secretNames.identityPepper
  properties: {
    value: identityPepper
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: secretNames.botAppPassword
  properties: {
    value: botAppPassword
  }
}

resource directLineSecretValue 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(directLineSecret)) {
  parent: vault
  name: secretNames.directLineSecret
  properties: {
    value: directLineSecret
  }
}

resource staffClientSecretValue 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(staffClientSecret)) {
  parent: vault
  name: secretNames.staffClientSecret
  properties: {
    value: staffClientSecret
  }
}

resource residentsClientSecretValue 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(residentsClientSecret)) {
  parent: vault
  name: secretNames.residentsClientSecret
  properties: {
    value: residentsClientSecret
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
