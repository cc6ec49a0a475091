module k8s-extension-advisor/openapi-enums

go 1.26.0
