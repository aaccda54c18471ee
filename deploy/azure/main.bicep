// Azure resources for the chat bot of Bureau De Vertrouwenspersoon:
// - a Linux App Service plan and web app on Node 24 that runs `npm start`
//   (with a `staging` slot for swap deployments and roll-back);
// - a Storage account with one private blob container for conversation state and records
//   (STORAGE=blobs, shared by every instance);
// - an Azure Bot (Microsoft.BotService) with the Teams and Direct Line channels;
// - a second Storage account with an Azure Files share for the knowledge files, mounted into
//   the web app (KNOWLEDGE_DIR) and opened by the bureau as a network drive. Its own account,
//   so its key opens the knowledge only, never the conversation state or the records.
// The app settings are exactly what bot/services/config.ts reads, plus three App Service platform
// settings (run from the zip package, and the warm-up check for slot swaps).
// Deploy and operate with the commands in README.md.

targetScope = 'resourceGroup'

@description('Prefix for resource names: lower-case letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param name string = 'bdv-chatbot'

@description('Region of the web app and storage (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('App Service plan size. S1 and up support deployment slots and scale-out.')
@allowed(['S1', 'S2', 'P0v3', 'P1v3', 'P2v3'])
param planSku string = 'P0v3'

@description('Number of instances. Redeploying this template sets the count back to this value.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Create a `staging` deployment slot (swap to release, swap back to roll back).')
param stagingSlot bool = true

@description('Redundancy of the storage account.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS'])
param storageSku string = 'Standard_ZRS'

@description('Blob container for state and records (BLOB_CONTAINER).')
param blobContainer string = 'bdv-chatbot'

@description('Azure Files share with the knowledge files (KNOWLEDGE_DIR), in its own storage account.')
param knowledgeShare string = 'kennisbank'

@description('How often every instance looks at each knowledge file, in ms (KNOWLEDGE_POLL_MS): file events do not cross an SMB mount.')
@minValue(500)
@maxValue(60000)
param knowledgePollMs int = 2000

@description('Azure Bot pricing tier: F0 (free, standard channels are free anyway) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Name shown in Teams and Web Chat.')
param botDisplayName string = 'Bureau De Vertrouwenspersoon'

@description('Entra app registration type. New bots must be SingleTenant.')
@allowed(['SingleTenant', 'MultiTenant'])
param microsoftAppType string = 'SingleTenant'

@description('Application (client) id of the Entra app registration of the bot.')
param microsoftAppId string

@description('Client secret of that app registration.')
@secure()
param microsoftAppPassword string

@description('Tenant of the app registration (required for SingleTenant).')
param microsoftAppTenantId string = tenant().tenantId

@description('Direct Line secret of the web widget. Empty on the first deployment (the channel does not exist yet); see README.md.')
@secure()
param directLineSecret string = ''

@description('Public host name of the bot; empty means the web app default host name.')
param botDomain string = ''

@description('32 bytes as base64 or hex: encrypts registrations and contact requests (required in production).')
@secure()
param recordsKey string

@description('Earlier records keys, comma-separated, only while rotating.')
@secure()
param recordsKeyPrevious string = ''

@description('Access code (32+ characters) for the workspace /beheer (BEHEER_SIGN_IN=token) and the bearer token of /admin/records; empty turns both off.')
@secure()
param adminToken string = ''

@description('How bureau staff sign in to /beheer: token (the access code) or entra (Microsoft Entra ID through App Service Authentication).')
@allowed(['token', 'entra'])
param beheerSignIn string = 'token'

@description('With beheerSignIn=entra: e-mail addresses (or object ids) of the staff allowed in /beheer, comma-separated.')
param beheerStaff string = ''

@description('With beheerSignIn=entra: application (client) id of the Entra app registration for the workspace sign-in (see deploy/README.md).')
param workspaceAuthClientId string = ''

@description('Client secret of that app registration.')
@secure()
param workspaceAuthClientSecret string = ''

@description('Days the workspace keeps questions the bot could not answer (scrubbed, encrypted).')
@minValue(1)
@maxValue(365)
param insightRetentionDays int = 30

@description('Teams channel for an alert on each new request (19:…@thread.tacv2 from the channel link); empty: no Teams alert.')
param teamsAlertChannelId string = ''

@description('SMTP server for mail to the bureau; SMTP_HOST, SMTP_PORT and BUREAU_EMAIL are all needed, or none.')
param smtpHost string = ''
param smtpPort string = ''
@allowed(['true', 'false'])
param smtpSecure string = 'false'
param smtpUser string = ''
@secure()
param smtpPassword string = ''
@description('Sender address; empty means the bot default.')
param smtpFrom string = ''
param bureauEmail string = ''

@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
param logLevel string = 'info'

@minValue(1)
@maxValue(3650)
param retentionDays int = 30

@minValue(1)
@maxValue(3650)
param recordRetentionDays int = 90

@description('Messages a minute in one conversation (RATE_LIMIT_CONVERSATION).')
@minValue(0)
param rateLimitConversation int = 60

@description('Proxies in front of the bot whose X-Forwarded-For it believes (TRUST_PROXY): 1 is App Service\'s front end; 2 with Azure Front Door or Application Gateway before it.')
param trustProxy string = '1'

var suffix = uniqueString(resourceGroup().id, name)
var appName = '${name}-${suffix}'
var storageName = take(toLower('${replace(name, '-', '')}${suffix}'), 24)
var knowledgeStorageName = take(toLower('${take(replace(name, '-', ''), 9)}kennis${suffix}'), 24)
var knowledgeMountPath = '/mounts/kennisbank'
var hostName = empty(botDomain) ? '${appName}.azurewebsites.net' : botDomain

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The bot connects with a connection string (shared key), as BlobsStorage expects.
    allowSharedKeyAccess: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    // "Vergeet mij" and the retention job must really erase: no soft-deleted copies.
    deleteRetentionPolicy: {
      enabled: false
    }
    containerDeleteRetentionPolicy: {
      enabled: false
    }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: blobContainer
  properties: {
    publicAccess: 'None'
  }
}

// The knowledge files: an SMB share the bureau opens as a network drive and every instance
// mounts. A separate account, so the key staff need for the drive opens nothing else.
resource knowledgeStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: knowledgeStorageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // App Service mounts a share with the account key; staff map the drive with it too.
    allowSharedKeyAccess: true
  }
}

resource knowledgeFiles 'Microsoft.Storage/storageAccounts/fileServices@2023-05-01' = {
  parent: knowledgeStorage
  name: 'default'
  properties: {
    // The knowledge holds no personal data: a deleted share can be restored for two weeks.
    shareDeleteRetentionPolicy: {
      enabled: true
      days: 14
    }
  }
}

resource knowledgeFileShare 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: knowledgeFiles
  name: knowledgeShare
  properties: {
    shareQuota: 1
    enabledProtocols: 'SMB'
    accessTier: 'TransactionOptimized'
  }
}

var blobConnectionString = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

var appSettings = [
  // Platform: run the uploaded zip as is (read-only, no build on the server) ...
  { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
  // ... and let a slot swap wait until the new version answers its health check.
  { name: 'WEBSITE_SWAP_WARMUP_PING_PATH', value: '/healthz' }
  { name: 'WEBSITE_SWAP_WARMUP_PING_STATUSES', value: '200' }
  // The bot (bot/services/config.ts). PORT is set by App Service itself.
  { name: 'HOST', value: '0.0.0.0' }
  { name: 'NODE_ENV', value: 'production' }
  { name: 'LOG_LEVEL', value: logLevel }
  // Only the feedback counts live here once STORAGE=blobs; /home survives restarts.
  { name: 'DATA_DIR', value: '/home/bdv-data' }
  { name: 'RETENTION_DAYS', value: string(retentionDays) }
  { name: 'RECORD_RETENTION_DAYS', value: string(recordRetentionDays) }
  { name: 'STORAGE', value: 'blobs' }
  { name: 'BLOB_CONNECTION_STRING', value: blobConnectionString }
  { name: 'BLOB_CONTAINER', value: blobContainer }
  { name: 'RECORDS_KEY', value: recordsKey }
  { name: 'RECORDS_KEY_PREVIOUS', value: recordsKeyPrevious }
  { name: 'ADMIN_TOKEN', value: adminToken }
  { name: 'BEHEER_SIGN_IN', value: beheerSignIn }
  { name: 'BEHEER_STAFF', value: beheerStaff }
  { name: 'INSIGHT_RETENTION_DAYS', value: string(insightRetentionDays) }
  { name: 'TEAMS_ALERT_CHANNEL_ID', value: teamsAlertChannelId }
  // App Service Authentication reads the workspace sign-in secret from this setting.
  { name: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET', value: workspaceAuthClientSecret }
  { name: 'MicrosoftAppId', value: microsoftAppId }
  { name: 'MicrosoftAppPassword', value: microsoftAppPassword }
  { name: 'MicrosoftAppType', value: microsoftAppType }
  { name: 'MicrosoftAppTenantId', value: microsoftAppType == 'SingleTenant' ? microsoftAppTenantId : '' }
  { name: 'DIRECTLINE_SECRET', value: directLineSecret }
  { name: 'BOT_DOMAIN', value: hostName }
  // Every request reaches the app from App Service's front end, which adds the client's
  // address to X-Forwarded-For: trusting that one hop gives each client its own per-address
  // limit (RATE_LIMIT_IP keeps its default, sized for an office behind one address).
  { name: 'TRUST_PROXY', value: trustProxy }
  { name: 'RATE_LIMIT_CONVERSATION', value: string(rateLimitConversation) }
  // The knowledge files on the mounted share, polled: SMB brings no file events.
  { name: 'KNOWLEDGE_DIR', value: knowledgeMountPath }
  { name: 'KNOWLEDGE_POLL_MS', value: string(knowledgePollMs) }
  { name: 'SMTP_HOST', value: smtpHost }
  { name: 'SMTP_PORT', value: smtpPort }
  { name: 'SMTP_SECURE', value: smtpSecure }
  { name: 'SMTP_USER', value: smtpUser }
  { name: 'SMTP_PASSWORD', value: smtpPassword }
  { name: 'SMTP_FROM', value: smtpFrom }
  { name: 'BUREAU_EMAIL', value: bureauEmail }
]

var siteConfig = {
  linuxFxVersion: 'NODE|24-lts'
  appCommandLine: 'npm start'
  alwaysOn: true
  http20Enabled: true
  minTlsVersion: '1.2'
  ftpsState: 'Disabled'
  // Instances that fail /healthz are taken out of the load balancer and replaced.
  healthCheckPath: '/healthz'
  appSettings: appSettings
  // Every instance (and the staging slot) mounts the same share: one version for all.
  azureStorageAccounts: {
    kennisbank: {
      type: 'AzureFiles'
      accountName: knowledgeStorage.name
      shareName: knowledgeShare
      mountPath: knowledgeMountPath
      protocol: 'Smb'
      accessKey: knowledgeStorage.listKeys().keys[0].value
    }
  }
}

// State lives in blobs, so any instance can take any request. Only the bot's built-in
// Direct Line (used while DIRECTLINE_SECRET is empty) keeps web conversations in one
// instance's memory, and then needs sticky sessions.
var stickySessions = empty(directLineSecret)

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: stickySessions
    siteConfig: siteConfig
  }
  dependsOn: [
    container
    knowledgeFileShare
  ]
}

resource staging 'Microsoft.Web/sites/slots@2023-12-01' = if (stagingSlot) {
  parent: webApp
  name: 'staging'
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: stickySessions
    siteConfig: siteConfig
  }
}

// Microsoft Entra ID sign-in for the workspace (BEHEER_SIGN_IN=entra). Anonymous requests
// are let through, because Teams, the web widget and the health check must reach the bot
// without a sign-in; the workspace itself refuses anyone without the platform's
// X-MS-CLIENT-PRINCIPAL headers, which App Service sets only for signed-in users (and strips
// from anything a client sends).
var workspaceAuth = {
  platform: {
    enabled: true
  }
  globalValidation: {
    requireAuthentication: false
    unauthenticatedClientAction: 'AllowAnonymous'
  }
  identityProviders: {
    azureActiveDirectory: {
      enabled: true
      registration: {
        openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        clientId: workspaceAuthClientId
        clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
      }
      validation: {
        allowedAudiences: [
          'api://${workspaceAuthClientId}'
        ]
      }
    }
  }
  login: {
    tokenStore: {
      enabled: false
    }
  }
}

resource webAppAuth 'Microsoft.Web/sites/config@2023-12-01' = if (beheerSignIn == 'entra') {
  parent: webApp
  name: 'authsettingsV2'
  properties: workspaceAuth
}

resource stagingAuth 'Microsoft.Web/sites/slots/config@2023-12-01' = if (stagingSlot && beheerSignIn == 'entra') {
  parent: staging
  name: 'authsettingsV2'
  properties: workspaceAuth
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: appName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: microsoftAppType
    msaAppTenantId: microsoftAppType == 'SingleTenant' ? microsoftAppTenantId : ''
    publicNetworkAccess: 'Enabled'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Website'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
          // The widget sends text only; nobody can upload files to the bureau's bot.
          isBlockUserUploadEnabled: true
        }
      ]
    }
  }
}

output webAppName string = webApp.name
output stagingSlotName string = stagingSlot ? 'staging' : ''
output planName string = plan.name
output hostName string = webApp.properties.defaultHostName
output messagingEndpoint string = bot.properties.endpoint
output botName string = bot.name
output storageAccountName string = storage.name
output workspaceUrl string = 'https://${hostName}/beheer'
output knowledgeStorageAccountName string = knowledgeStorage.name
output knowledgeShareName string = knowledgeShare
output knowledgeNetworkPath string = '\\\\${knowledgeStorage.name}.file.${environment().suffixes.storage}\\${knowledgeShare}'
