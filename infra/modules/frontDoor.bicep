// Azure Front Door (Standard or Premium) with a WAF policy in front of the Function App. Its custom rules limit requests
// per client address at the edge, so a limit holds once for the whole platform however many app instances run. The
// app's own limits (per voting code, session or resident, shared through Table Storage) stay behind it. The origin
// and its route are in frontDoorRoute.bicep: the app needs this profile's id first, and the route needs the app.

@description('Name of the Front Door profile.')
param profileName string

@description('Name of the endpoint; its host name is <name>-<hash>.z01.azurefd.net.')
param endpointName string

@description('Name of the WAF policy (letters and digits only).')
param wafPolicyName string

@description('Front Door tier: Standard has custom WAF rules (rate limits); Premium adds managed rule sets and Private Link.')
@allowed([
  'Standard_AzureFrontDoor'
  'Premium_AzureFrontDoor'
])
param sku string

@description('Public writes (submissions, supports, comments, follows, votes, the public tally, privacy requests, chat messages) per client address per minute.')
@minValue(10)
param publicWritesPerMinute int

@description('Requests of any kind per client address per minute, for the whole site.')
@minValue(10)
param requestsPerMinute int

param tags object

resource wafPolicy 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@2024-02-01' = {
  name: wafPolicyName
  location: 'global'
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    policySettings: {
      enabledState: 'Enabled'
      mode: 'Prevention'
      customBlockResponseStatusCode: 429
      customBlockResponseBody: base64('Te veel verzoeken vanaf uw adres; probeer het over een minuut opnieuw. Too many requests from your address; try again in a minute.')
    }
    customRules: {
      rules: [
        {
          name: 'PublicWritesPerClient'
          priority: 10
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: publicWritesPerMinute
          groupBy: [
            {
              variableName: 'SocketAddr'
            }
          ]
          matchConditions: [
            {
              matchVariable: 'RequestMethod'
              operator: 'Equal'
              matchValue: [
                'POST'
              ]
            }
            {
              matchVariable: 'RequestUri'
              operator: 'Contains'
              transforms: [
                'Lowercase'
              ]
              // What residents and anonymous visitors post to: the API and the pages' forms.
              matchValue: [
                '/api/initiatives' // submissions, supports, replies, comments, follows, photos
                '/ballots' // votes: /api/budgets/{id}/ballots
                '/api/pb/tally' // the public tally of a pabulib file
                '/api/privacy/requests'
                '/v3/directline/' // the site's chat: conversation starts and messages
                '/initiatieven/' // the pages' forms for the same actions
                '/buurtbudget/'
                '/privacy'
              ]
            }
          ]
          action: 'Block'
        }
        {
          name: 'AllRequestsPerClient'
          priority: 20
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: requestsPerMinute
          groupBy: [
            {
              variableName: 'SocketAddr'
            }
          ]
          // The Bot Connector posts every channel's messages from a few Azure addresses and signs each with a token
          // the app checks; counting it per address would throttle all residents' chats at once.
          matchConditions: [
            {
              matchVariable: 'RequestUri'
              operator: 'Contains'
              negateCondition: true
              transforms: [
                'Lowercase'
              ]
              matchValue: [
                '/api/messages'
              ]
            }
          ]
          action: 'Block'
        }
      ]
    }
  }
}

resource profile 'Microsoft.Cdn/profiles@2024-09-01' = {
  name: profileName
  location: 'global'
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    // The public tally and a large paper-ballot import may take longer than the default 60 seconds.
    originResponseTimeoutSeconds: 120
  }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-09-01' = {
  parent: profile
  name: endpointName
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

resource securityPolicy 'Microsoft.Cdn/profiles/securityPolicies@2024-09-01' = {
  parent: profile
  name: 'rate-limits'
  properties: {
    parameters: {
      type: 'WebApplicationFirewall'
      wafPolicy: {
        id: wafPolicy.id
      }
      associations: [
        {
          domains: [
            {
              id: endpoint.id
            }
          ]
          patternsToMatch: [
            '/*'
          ]
        }
      ]
    }
  }
}

output hostName string = endpoint.properties.hostName
@description('The profile\'s id that Front Door sends as X-Azure-FDID; the app accepts only requests that carry it.')
output frontDoorId string = profile.properties.frontDoorId
