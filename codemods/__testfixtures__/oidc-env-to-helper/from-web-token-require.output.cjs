const { awsCredentialsProvider } = require('@vercel/oidc-aws-credentials-provider');

exports.credentials = (roleArn) => awsCredentialsProvider({ roleArn });
