// @ts-nocheck
/* eslint-disable */
// Generated from schema/site-profile.schema.json by test/docs/schema.test.ts:
// AIF_UPDATE_SCHEMA=1 npx jest test/docs/schema.test.ts writes it. Do not edit.
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"$ref":"#/definitions/SiteProfile","definitions":{"SiteProfile":{"type":"object","properties":{"$schema":{"type":"string"},"name":{"type":"string"},"displayName":{"type":"string"},"kubernetes":{"$ref":"#/definitions/KubernetesConnection"},"state":{"$ref":"#/definitions/StateBackendSpec"},"nodePools":{"type":"array","items":{"$ref":"#/definitions/NodePoolSpec"}},"cpuPools":{"type":"array","items":{"$ref":"#/definitions/CpuPoolSpec"}},"tenants":{"type":"array","items":{"$ref":"#/definitions/TenantSpec"}},"retiredTenants":{"type":"array","items":{"$ref":"#/definitions/RetiredTenantSpec"}},"gpuOperator":{"$ref":"#/definitions/GpuOperatorSpec"},"accessModes":{"type":"array","items":{"$ref":"#/definitions/AccessMode"}},"tenantPriorityClasses":{"type":"array","items":{"type":"string"}},"accelerators":{"type":"array","items":{"$ref":"#/definitions/AcceleratorModel"}},"tenantPods":{"$ref":"#/definitions/TenantPodsSpec"},"podSecurityVersion":{"type":"string"},"storageTiers":{"type":"array","items":{"$ref":"#/definitions/StorageTierSpec"}},"slurmStateTier":{"type":"string"},"schedulers":{"$ref":"#/definitions/SchedulersSpec"},"mirror":{"$ref":"#/definitions/MirrorSpec"},"network":{"$ref":"#/definitions/ClusterNetworkSpec"}},"required":["name","displayName","kubernetes","nodePools","tenants"],"x-missing-reported-by-checks":[],"additionalProperties":false},"KubernetesConnection":{"type":"object","properties":{"configPath":{"type":"string"},"context":{"type":"string"}},"required":["configPath","context"],"x-missing-reported-by-checks":[],"additionalProperties":false},"StateBackendSpec":{"type":"object","discriminator":{"propertyName":"kind"},"properties":{"kind":{"type":"string"}},"required":["kind"],"x-missing-reported-by-checks":[],"oneOf":[{"type":"object","properties":{"kind":{"type":"string","const":"local"},"directory":{"type":"string"}},"required":["kind"],"additionalProperties":false},{"type":"object","properties":{"kind":{"type":"string","const":"kubernetes"},"namespace":{"type":"string"}},"required":["kind"],"additionalProperties":false}]},"NodePoolSpec":{"type":"object","properties":{"name":{"type":"string"},"accelerator":{"type":"string"},"gpusPerNode":{"type":"number"},"nodes":{"$ref":"#/definitions/NodeSelection"},"interconnect":{"$ref":"#/definitions/InterconnectSpec"},"taint":{"$ref":"#/definitions/TaintSpec"},"mig":{"$ref":"#/definitions/MigLayoutSpec"},"timeSlicingReplicas":{"type":"number"},"timeSlicingSharedByTenants":{"type":"boolean"},"note":{"type":"string"},"overcommit":{"type":"object","properties":{"factor":{"type":"number"},"reason":{"type":"string"}},"required":["factor","reason"],"additionalProperties":false}},"required":["name","accelerator","gpusPerNode","nodes"],"x-missing-reported-by-checks":[],"additionalProperties":false},"NodeSelection":{"type":"object","properties":{"labels":{"type":"object","additionalProperties":{"type":"string"}},"count":{"type":"number"},"hostlist":{"type":"string"}},"additionalProperties":false},"InterconnectSpec":{"type":"object","properties":{"fabric":{"type":"string"},"generation":{"type":"string"},"linksPerNode":{"type":"number"},"gbpsPerLink":{"type":"number"}},"required":["fabric","generation","linksPerNode","gbpsPerLink"],"x-missing-reported-by-checks":[],"additionalProperties":false},"TaintSpec":{"type":"object","properties":{"key":{"type":"string"},"value":{"type":"string"},"effect":{"type":"string"}},"required":["key","value","effect"],"x-missing-reported-by-checks":[],"additionalProperties":false},"MigLayoutSpec":{"type":"object","properties":{"profiles":{"type":"object","additionalProperties":{"type":"number"}}},"required":["profiles"],"x-missing-reported-by-checks":[],"additionalProperties":false},"CpuPoolSpec":{"type":"object","properties":{"name":{"type":"string"},"nodes":{"$ref":"#/definitions/NodeSelection"},"coresPerNode":{"type":"number"},"memoryPerNode":{"type":"string"},"note":{"type":"string"}},"required":["name","nodes","coresPerNode","memoryPerNode"],"x-missing-reported-by-checks":[],"additionalProperties":false},"TenantSpec":{"type":"object","properties":{"name":{"type":"string"},"displayName":{"type":"string"},"accessMode":{"$ref":"#/definitions/AccessMode"},"allocation":{"$ref":"#/definitions/TenantAllocation"},"sector":{"type":"string"},"gpus":{"type":"array","items":{"$ref":"#/definitions/TenantGpuGrant"}},"resources":{"$ref":"#/definitions/TenantResourceSpec"},"groups":{"type":"object","properties":{"admins":{"type":"array","items":{"type":"string"}},"members":{"type":"array","items":{"type":"string"}}},"required":["admins"],"additionalProperties":false},"egressCidrs":{"type":"array","items":{"type":"string"}},"storage":{"type":"array","items":{"$ref":"#/definitions/TenantStorageGrant"}},"volumes":{"type":"array","items":{"$ref":"#/definitions/TenantVolumeSpec"}},"retired":{"type":"boolean"}},"required":["name","accessMode","gpus","groups"],"x-missing-reported-by-checks":[],"additionalProperties":false},"AccessMode":{"type":"string"},"TenantAllocation":{"type":"object","properties":{"projectId":{"type":"string"},"start":{"type":"string"},"end":{"type":"string"}},"required":["projectId","start","end"],"x-missing-reported-by-checks":[],"additionalProperties":false},"TenantGpuGrant":{"type":"object","properties":{"pool":{"type":"string"},"count":{"type":"number"},"gpuHours":{"type":"number"},"migProfile":{"type":"string"}},"required":["pool"],"x-missing-reported-by-checks":[],"additionalProperties":false},"TenantResourceSpec":{"type":"object","properties":{"cpu":{"type":"string"},"memory":{"type":"string"},"ephemeralStorage":{"type":"string"},"pods":{"type":"number"},"persistentVolumeClaims":{"type":"number"}},"additionalProperties":false},"TenantStorageGrant":{"type":"object","properties":{"tier":{"type":"string"},"capacity":{"type":"string"},"claims":{"type":"number"}},"required":["tier","capacity"],"x-missing-reported-by-checks":[],"additionalProperties":false},"TenantVolumeSpec":{"type":"object","properties":{"name":{"type":"string"},"tier":{"type":"string"},"size":{"type":"string"},"accessMode":{"$ref":"#/definitions/VolumeAccessMode"}},"required":["name","tier","size"],"x-missing-reported-by-checks":[],"additionalProperties":false},"VolumeAccessMode":{"type":"string"},"RetiredTenantSpec":{"type":"object","properties":{"name":{"type":"string"},"volumes":{"type":"array","items":{"type":"string"}},"note":{"type":"string"},"storage":{"type":"array","items":{"$ref":"#/definitions/TenantStorageGrant"}},"dataDeleted":{"type":"string"}},"required":["name"],"x-missing-reported-by-checks":[],"additionalProperties":false},"GpuOperatorSpec":{"type":"object","properties":{"driver":{"type":"string"}},"additionalProperties":false},"AcceleratorModel":{"type":"object","properties":{"id":{"type":"string"},"vendor":{"$ref":"#/definitions/AcceleratorVendor"},"displayName":{"type":"string"},"memoryGb":{"type":"number"},"resourceName":{"type":"string"},"devicesPerPackage":{"type":"number"},"gresType":{"type":"string"},"migProfiles":{"type":"array","items":{"$ref":"#/definitions/MigProfile"}},"timeSlicing":{"type":"boolean"}},"required":["id","vendor","displayName","memoryGb","resourceName","devicesPerPackage","gresType","migProfiles","timeSlicing"],"x-missing-reported-by-checks":["id","vendor","displayName","memoryGb","resourceName","devicesPerPackage","gresType","migProfiles","timeSlicing"],"additionalProperties":false},"AcceleratorVendor":{"type":"string"},"MigProfile":{"type":"object","properties":{"name":{"type":"string"},"computeSlices":{"type":"number"},"memorySlices":{"type":"number"},"maxInstances":{"type":"number"}},"required":["name","computeSlices","memorySlices","maxInstances"],"x-missing-reported-by-checks":["name","computeSlices","memorySlices","maxInstances"],"additionalProperties":false},"TenantPodsSpec":{"type":"object","properties":{"maxGracePeriodSeconds":{"type":"number"},"inlineCsiDrivers":{"type":"array","items":{"type":"string"}}},"additionalProperties":false},"StorageTierSpec":{"type":"object","properties":{"name":{"type":"string"},"purpose":{"type":"string"},"capacity":{"type":"string"},"reclaimPolicy":{"$ref":"#/definitions/ReclaimPolicy"},"volumeBindingMode":{"$ref":"#/definitions/VolumeBindingMode"},"accessModes":{"type":"array","items":{"$ref":"#/definitions/VolumeAccessMode"}},"allowVolumeExpansion":{"type":"boolean"},"default":{"type":"boolean"},"mountOptions":{"type":"array","items":{"type":"string"}},"driver":{"$ref":"#/definitions/StorageDriverSpec"},"note":{"type":"string"}},"required":["name","purpose","capacity","driver"],"x-missing-reported-by-checks":["purpose"],"additionalProperties":false},"ReclaimPolicy":{"type":"string"},"VolumeBindingMode":{"type":"string"},"StorageDriverSpec":{"type":"object","discriminator":{"propertyName":"kind"},"properties":{"kind":{"type":"string"}},"required":["kind"],"x-missing-reported-by-checks":["kind"],"oneOf":[{"$ref":"#/definitions/NfsDriverSpec"},{"$ref":"#/definitions/RookRbdDriverSpec"},{"$ref":"#/definitions/RookCephFsDriverSpec"},{"$ref":"#/definitions/CephRbdDriverSpec"},{"$ref":"#/definitions/CephFsDriverSpec"},{"$ref":"#/definitions/TopoLvmDriverSpec"},{"$ref":"#/definitions/ExaScalerDriverSpec"},{"$ref":"#/definitions/StorageScaleDriverSpec"},{"$ref":"#/definitions/CustomDriverSpec"}]},"NfsDriverSpec":{"type":"object","properties":{"kind":{"type":"string","const":"nfs"},"server":{"type":"string"},"share":{"type":"string"},"subDir":{"type":"string"},"mountOptions":{"type":"array","items":{"type":"string"}}},"required":["kind","server","share"],"x-missing-reported-by-checks":["kind","server","share"],"additionalProperties":false},"RookRbdDriverSpec":{"type":"object","properties":{"kind":{"type":"string","const":"rook-ceph-rbd"},"pool":{"type":"string"},"replicas":{"type":"number"},"failureDomain":{"type":"string"},"fsType":{"type":"string"}},"required":["kind"],"x-missing-reported-by-checks":[],"additionalProperties":false},"RookCephFsDriverSpec":{"type":"object","properties":{"kind":{"type":"string","const":"rook-cephfs"},"fileSystem":{"type":"string"},"replicas":{"type":"number"},"failureDomain":{"type":"string"}},"required":["kind"],"x-missing-reported-by-checks":[],"additionalProperties":false},"CephRbdDriverSpec":{"type":"object","properties":{"kind":{"type":"string","const":"ceph-rbd"},"clusterID":{"type":"string"},"pool":{"type":"string"},"secrets":{"$ref":"#/definitions/CephSecretsSpec"},"provisioner":{"type":"string"},"fsType":{"type":"string"}},"required":["kind","clusterID","pool","secrets"],"x-missing-reported-by-checks":["kind","clusterID","pool","secrets"],"additionalProperties":false},"CephSecretsSpec":{"type":"object","properties":{"namespace":{"type":"string"},"provisioner":{"type":"string"},"node":{"type":"string"}},"required":["namespace","provisioner","node"],"x-missing-reported-by-checks":["namespace","provisioner","node"],"additionalProperties":false},"CephFsDriverSpec":{"type":"object","properties":{"kind":{"type":"string","const":"cephfs"},"clusterID":{"type":"string"},"fsName":{"type":"string"},"pool":{"type":"string"},"secrets":{"$ref":"#/definitions/CephSecretsSpec"},"provisioner":{"type":"string"}},"required":["kind","clusterID","fsName","secrets"],"x-missing-reported-by-checks":["kind","clusterID","fsName","secrets"],"additionalProperties":false},"TopoLvmDriverSpec":{"type":"object","properties":{"kind":{"type":"string","const":"topolvm"},"deviceClass":{"type":"string"},"volumeGroup":{"type":"string"},"fsType":{"type":"string"},"spareGb":{"type":"number"},"nodePools":{"type":"array","items":{"type":"string"}}},"required":["kind","deviceClass","volumeGroup"],"x-missing-reported-by-checks":["kind","deviceClass","volumeGroup"],"additionalProperties":false},"ExaScalerDriverSpec":{"type":"object","properties":{"kind":{"type":"string","const":"exascaler"},"exaFS":{"type":"string"},"mountPoint":{"type":"string"},"projectId":{"type":"string"}},"required":["kind","exaFS","mountPoint"],"x-missing-reported-by-checks":["kind","exaFS","mountPoint"],"additionalProperties":false},"StorageScaleDriverSpec":{"type":"object","properties":{"kind":{"type":"string","const":"storage-scale"},"volBackendFs":{"type":"string"},"filesetType":{"type":"string"},"clusterId":{"type":"string"}},"required":["kind","volBackendFs"],"x-missing-reported-by-checks":["kind","volBackendFs"],"additionalProperties":false},"CustomDriverSpec":{"type":"object","properties":{"kind":{"type":"string","const":"custom"},"provisioner":{"type":"string"},"parameters":{"type":"object","additionalProperties":{"type":"string"}}},"required":["kind","provisioner"],"x-missing-reported-by-checks":["kind","provisioner"],"additionalProperties":false},"SchedulersSpec":{"type":"object","properties":{"kueue":{"$ref":"#/definitions/KueueSpec"},"slurm":{"$ref":"#/definitions/SlurmSpec"}},"additionalProperties":false},"KueueSpec":{"type":"object","properties":{"nodes":{"type":"object","additionalProperties":{"type":"number"}},"cohort":{"anyOf":[{"type":"string"},{"type":"boolean","const":false}]},"tenants":{"type":"object","additionalProperties":{"$ref":"#/definitions/KueueTenantOverride"}},"workloadControllers":{"type":"array","items":{"type":"string"}},"cpuNodeLabels":{"type":"object","additionalProperties":{"type":"string"}}},"additionalProperties":false},"KueueTenantOverride":{"type":"object","properties":{"borrowingLimit":{"type":"number"},"lendingLimit":{"type":"number"}},"additionalProperties":false},"SlurmSpec":{"type":"object","properties":{"clusterName":{"type":"string"},"nodes":{"type":"object","additionalProperties":{"type":"number"}},"slurmdImages":{"type":"object","additionalProperties":{"type":"string"}},"partitions":{"type":"array","items":{"$ref":"#/definitions/SlurmPartitionSpec"}},"defaultPartition":{"type":"string"},"maxTime":{"type":"string"},"accounting":{"$ref":"#/definitions/SlurmAccountingSpec"},"login":{"$ref":"#/definitions/SlurmLoginSpec"}},"required":["nodes"],"x-missing-reported-by-checks":[],"additionalProperties":false},"SlurmPartitionSpec":{"type":"object","properties":{"name":{"type":"string"},"pools":{"type":"array","items":{"type":"string"}},"maxTime":{"type":"string"}},"required":["name","pools"],"x-missing-reported-by-checks":[],"additionalProperties":false},"SlurmAccountingSpec":{"type":"object","properties":{"host":{"type":"string"},"cidrs":{"type":"array","items":{"type":"string"}},"port":{"type":"number"},"database":{"type":"string"},"user":{"type":"string"},"passwordSecret":{"$ref":"#/definitions/SecretKeySpec"}},"required":["host","passwordSecret"],"x-missing-reported-by-checks":["passwordSecret"],"additionalProperties":false},"SecretKeySpec":{"type":"object","properties":{"name":{"type":"string"},"key":{"type":"string"}},"required":["name"],"x-missing-reported-by-checks":["name"],"additionalProperties":false},"SlurmLoginSpec":{"type":"object","properties":{"replicas":{"type":"number"},"sssdConfSecret":{"$ref":"#/definitions/SecretKeySpec"},"serviceType":{"type":"string"}},"required":["sssdConfSecret"],"x-missing-reported-by-checks":["sssdConfSecret"],"additionalProperties":false},"MirrorSpec":{"type":"object","properties":{"charts":{"$ref":"#/definitions/ChartMirrorSpec"},"images":{"$ref":"#/definitions/ImageMirrorSpec"}},"additionalProperties":false},"ChartMirrorSpec":{"type":"object","properties":{"url":{"type":"string"},"credentials":{}},"required":["url"],"x-missing-reported-by-checks":["url"],"additionalProperties":false},"ImageMirrorSpec":{"type":"object","properties":{"registry":{"type":"string"}},"required":["registry"],"x-missing-reported-by-checks":["registry"],"additionalProperties":false},"ClusterNetworkSpec":{"type":"object","properties":{"apiServerCidrs":{"type":"array","items":{"type":"string"}},"apiServerPorts":{"type":"array","items":{"type":"number"}},"slurmLoginCidrs":{"type":"array","items":{"type":"string"}}},"additionalProperties":false}}};
const schema12 = {"type":"object","properties":{"$schema":{"type":"string"},"name":{"type":"string"},"displayName":{"type":"string"},"kubernetes":{"$ref":"#/definitions/KubernetesConnection"},"state":{"$ref":"#/definitions/StateBackendSpec"},"nodePools":{"type":"array","items":{"$ref":"#/definitions/NodePoolSpec"}},"cpuPools":{"type":"array","items":{"$ref":"#/definitions/CpuPoolSpec"}},"tenants":{"type":"array","items":{"$ref":"#/definitions/TenantSpec"}},"retiredTenants":{"type":"array","items":{"$ref":"#/definitions/RetiredTenantSpec"}},"gpuOperator":{"$ref":"#/definitions/GpuOperatorSpec"},"accessModes":{"type":"array","items":{"$ref":"#/definitions/AccessMode"}},"tenantPriorityClasses":{"type":"array","items":{"type":"string"}},"accelerators":{"type":"array","items":{"$ref":"#/definitions/AcceleratorModel"}},"tenantPods":{"$ref":"#/definitions/TenantPodsSpec"},"podSecurityVersion":{"type":"string"},"storageTiers":{"type":"array","items":{"$ref":"#/definitions/StorageTierSpec"}},"slurmStateTier":{"type":"string"},"schedulers":{"$ref":"#/definitions/SchedulersSpec"},"mirror":{"$ref":"#/definitions/MirrorSpec"},"network":{"$ref":"#/definitions/ClusterNetworkSpec"}},"required":["name","displayName","kubernetes","nodePools","tenants"],"x-missing-reported-by-checks":[],"additionalProperties":false};
const schema13 = {"type":"object","properties":{"configPath":{"type":"string"},"context":{"type":"string"}},"required":["configPath","context"],"x-missing-reported-by-checks":[],"additionalProperties":false};
const schema14 = {"type":"object","discriminator":{"propertyName":"kind"},"properties":{"kind":{"type":"string"}},"required":["kind"],"x-missing-reported-by-checks":[],"oneOf":[{"type":"object","properties":{"kind":{"type":"string","const":"local"},"directory":{"type":"string"}},"required":["kind"],"additionalProperties":false},{"type":"object","properties":{"kind":{"type":"string","const":"kubernetes"},"namespace":{"type":"string"}},"required":["kind"],"additionalProperties":false}]};
const schema32 = {"type":"object","properties":{"driver":{"type":"string"}},"additionalProperties":false};
const schema23 = {"type":"string"};
const schema37 = {"type":"object","properties":{"maxGracePeriodSeconds":{"type":"number"},"inlineCsiDrivers":{"type":"array","items":{"type":"string"}}},"additionalProperties":false};
const schema66 = {"type":"object","properties":{"apiServerCidrs":{"type":"array","items":{"type":"string"}},"apiServerPorts":{"type":"array","items":{"type":"number"}},"slurmLoginCidrs":{"type":"array","items":{"type":"string"}}},"additionalProperties":false};
const func2 = Object.prototype.hasOwnProperty;
const schema15 = {"type":"object","properties":{"name":{"type":"string"},"accelerator":{"type":"string"},"gpusPerNode":{"type":"number"},"nodes":{"$ref":"#/definitions/NodeSelection"},"interconnect":{"$ref":"#/definitions/InterconnectSpec"},"taint":{"$ref":"#/definitions/TaintSpec"},"mig":{"$ref":"#/definitions/MigLayoutSpec"},"timeSlicingReplicas":{"type":"number"},"timeSlicingSharedByTenants":{"type":"boolean"},"note":{"type":"string"},"overcommit":{"type":"object","properties":{"factor":{"type":"number"},"reason":{"type":"string"}},"required":["factor","reason"],"additionalProperties":false}},"required":["name","accelerator","gpusPerNode","nodes"],"x-missing-reported-by-checks":[],"additionalProperties":false};
const schema16 = {"type":"object","properties":{"labels":{"type":"object","additionalProperties":{"type":"string"}},"count":{"type":"number"},"hostlist":{"type":"string"}},"additionalProperties":false};
const schema17 = {"type":"object","properties":{"fabric":{"type":"string"},"generation":{"type":"string"},"linksPerNode":{"type":"number"},"gbpsPerLink":{"type":"number"}},"required":["fabric","generation","linksPerNode","gbpsPerLink"],"x-missing-reported-by-checks":[],"additionalProperties":false};
const schema18 = {"type":"object","properties":{"key":{"type":"string"},"value":{"type":"string"},"effect":{"type":"string"}},"required":["key","value","effect"],"x-missing-reported-by-checks":[],"additionalProperties":false};
const schema19 = {"type":"object","properties":{"profiles":{"type":"object","additionalProperties":{"type":"number"}}},"required":["profiles"],"x-missing-reported-by-checks":[],"additionalProperties":false};

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.accelerator === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "accelerator"},message:"must have required property '"+"accelerator"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.gpusPerNode === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "gpusPerNode"},message:"must have required property '"+"gpusPerNode"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.nodes === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "nodes"},message:"must have required property '"+"nodes"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema15.properties, key0))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.accelerator !== undefined){
if(typeof data.accelerator !== "string"){
const err6 = {instancePath:instancePath+"/accelerator",schemaPath:"#/properties/accelerator/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.gpusPerNode !== undefined){
if(!(typeof data.gpusPerNode == "number")){
const err7 = {instancePath:instancePath+"/gpusPerNode",schemaPath:"#/properties/gpusPerNode/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.nodes !== undefined){
let data3 = data.nodes;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
if(!(((key1 === "labels") || (key1 === "count")) || (key1 === "hostlist"))){
const err8 = {instancePath:instancePath+"/nodes",schemaPath:"#/definitions/NodeSelection/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data3.labels !== undefined){
let data4 = data3.labels;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key2 in data4){
if(typeof data4[key2] !== "string"){
const err9 = {instancePath:instancePath+"/nodes/labels/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/NodeSelection/properties/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/nodes/labels",schemaPath:"#/definitions/NodeSelection/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data3.count !== undefined){
if(!(typeof data3.count == "number")){
const err11 = {instancePath:instancePath+"/nodes/count",schemaPath:"#/definitions/NodeSelection/properties/count/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data3.hostlist !== undefined){
if(typeof data3.hostlist !== "string"){
const err12 = {instancePath:instancePath+"/nodes/hostlist",schemaPath:"#/definitions/NodeSelection/properties/hostlist/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/nodes",schemaPath:"#/definitions/NodeSelection/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.interconnect !== undefined){
let data8 = data.interconnect;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.fabric === undefined){
const err14 = {instancePath:instancePath+"/interconnect",schemaPath:"#/definitions/InterconnectSpec/required",keyword:"required",params:{missingProperty: "fabric"},message:"must have required property '"+"fabric"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data8.generation === undefined){
const err15 = {instancePath:instancePath+"/interconnect",schemaPath:"#/definitions/InterconnectSpec/required",keyword:"required",params:{missingProperty: "generation"},message:"must have required property '"+"generation"+"'"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data8.linksPerNode === undefined){
const err16 = {instancePath:instancePath+"/interconnect",schemaPath:"#/definitions/InterconnectSpec/required",keyword:"required",params:{missingProperty: "linksPerNode"},message:"must have required property '"+"linksPerNode"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data8.gbpsPerLink === undefined){
const err17 = {instancePath:instancePath+"/interconnect",schemaPath:"#/definitions/InterconnectSpec/required",keyword:"required",params:{missingProperty: "gbpsPerLink"},message:"must have required property '"+"gbpsPerLink"+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
for(const key3 in data8){
if(!((((key3 === "fabric") || (key3 === "generation")) || (key3 === "linksPerNode")) || (key3 === "gbpsPerLink"))){
const err18 = {instancePath:instancePath+"/interconnect",schemaPath:"#/definitions/InterconnectSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data8.fabric !== undefined){
if(typeof data8.fabric !== "string"){
const err19 = {instancePath:instancePath+"/interconnect/fabric",schemaPath:"#/definitions/InterconnectSpec/properties/fabric/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data8.generation !== undefined){
if(typeof data8.generation !== "string"){
const err20 = {instancePath:instancePath+"/interconnect/generation",schemaPath:"#/definitions/InterconnectSpec/properties/generation/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data8.linksPerNode !== undefined){
if(!(typeof data8.linksPerNode == "number")){
const err21 = {instancePath:instancePath+"/interconnect/linksPerNode",schemaPath:"#/definitions/InterconnectSpec/properties/linksPerNode/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data8.gbpsPerLink !== undefined){
if(!(typeof data8.gbpsPerLink == "number")){
const err22 = {instancePath:instancePath+"/interconnect/gbpsPerLink",schemaPath:"#/definitions/InterconnectSpec/properties/gbpsPerLink/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/interconnect",schemaPath:"#/definitions/InterconnectSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.taint !== undefined){
let data13 = data.taint;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.key === undefined){
const err24 = {instancePath:instancePath+"/taint",schemaPath:"#/definitions/TaintSpec/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data13.value === undefined){
const err25 = {instancePath:instancePath+"/taint",schemaPath:"#/definitions/TaintSpec/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data13.effect === undefined){
const err26 = {instancePath:instancePath+"/taint",schemaPath:"#/definitions/TaintSpec/required",keyword:"required",params:{missingProperty: "effect"},message:"must have required property '"+"effect"+"'"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
for(const key4 in data13){
if(!(((key4 === "key") || (key4 === "value")) || (key4 === "effect"))){
const err27 = {instancePath:instancePath+"/taint",schemaPath:"#/definitions/TaintSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data13.key !== undefined){
if(typeof data13.key !== "string"){
const err28 = {instancePath:instancePath+"/taint/key",schemaPath:"#/definitions/TaintSpec/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data13.value !== undefined){
if(typeof data13.value !== "string"){
const err29 = {instancePath:instancePath+"/taint/value",schemaPath:"#/definitions/TaintSpec/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data13.effect !== undefined){
if(typeof data13.effect !== "string"){
const err30 = {instancePath:instancePath+"/taint/effect",schemaPath:"#/definitions/TaintSpec/properties/effect/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/taint",schemaPath:"#/definitions/TaintSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.mig !== undefined){
let data17 = data.mig;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.profiles === undefined){
const err32 = {instancePath:instancePath+"/mig",schemaPath:"#/definitions/MigLayoutSpec/required",keyword:"required",params:{missingProperty: "profiles"},message:"must have required property '"+"profiles"+"'"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
for(const key5 in data17){
if(!(key5 === "profiles")){
const err33 = {instancePath:instancePath+"/mig",schemaPath:"#/definitions/MigLayoutSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data17.profiles !== undefined){
let data18 = data17.profiles;
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
for(const key6 in data18){
if(!(typeof data18[key6] == "number")){
const err34 = {instancePath:instancePath+"/mig/profiles/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/MigLayoutSpec/properties/profiles/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/mig/profiles",schemaPath:"#/definitions/MigLayoutSpec/properties/profiles/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath:instancePath+"/mig",schemaPath:"#/definitions/MigLayoutSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.timeSlicingReplicas !== undefined){
if(!(typeof data.timeSlicingReplicas == "number")){
const err37 = {instancePath:instancePath+"/timeSlicingReplicas",schemaPath:"#/properties/timeSlicingReplicas/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data.timeSlicingSharedByTenants !== undefined){
if(typeof data.timeSlicingSharedByTenants !== "boolean"){
const err38 = {instancePath:instancePath+"/timeSlicingSharedByTenants",schemaPath:"#/properties/timeSlicingSharedByTenants/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data.note !== undefined){
if(typeof data.note !== "string"){
const err39 = {instancePath:instancePath+"/note",schemaPath:"#/properties/note/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data.overcommit !== undefined){
let data23 = data.overcommit;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(data23.factor === undefined){
const err40 = {instancePath:instancePath+"/overcommit",schemaPath:"#/properties/overcommit/required",keyword:"required",params:{missingProperty: "factor"},message:"must have required property '"+"factor"+"'"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(data23.reason === undefined){
const err41 = {instancePath:instancePath+"/overcommit",schemaPath:"#/properties/overcommit/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
for(const key7 in data23){
if(!((key7 === "factor") || (key7 === "reason"))){
const err42 = {instancePath:instancePath+"/overcommit",schemaPath:"#/properties/overcommit/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data23.factor !== undefined){
if(!(typeof data23.factor == "number")){
const err43 = {instancePath:instancePath+"/overcommit/factor",schemaPath:"#/properties/overcommit/properties/factor/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data23.reason !== undefined){
if(typeof data23.reason !== "string"){
const err44 = {instancePath:instancePath+"/overcommit/reason",schemaPath:"#/properties/overcommit/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath:instancePath+"/overcommit",schemaPath:"#/properties/overcommit/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
else {
const err46 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}

const schema20 = {"type":"object","properties":{"name":{"type":"string"},"nodes":{"$ref":"#/definitions/NodeSelection"},"coresPerNode":{"type":"number"},"memoryPerNode":{"type":"string"},"note":{"type":"string"}},"required":["name","nodes","coresPerNode","memoryPerNode"],"x-missing-reported-by-checks":[],"additionalProperties":false};

function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.nodes === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "nodes"},message:"must have required property '"+"nodes"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.coresPerNode === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "coresPerNode"},message:"must have required property '"+"coresPerNode"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.memoryPerNode === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "memoryPerNode"},message:"must have required property '"+"memoryPerNode"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "name") || (key0 === "nodes")) || (key0 === "coresPerNode")) || (key0 === "memoryPerNode")) || (key0 === "note"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.nodes !== undefined){
let data1 = data.nodes;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
if(!(((key1 === "labels") || (key1 === "count")) || (key1 === "hostlist"))){
const err6 = {instancePath:instancePath+"/nodes",schemaPath:"#/definitions/NodeSelection/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data1.labels !== undefined){
let data2 = data1.labels;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key2 in data2){
if(typeof data2[key2] !== "string"){
const err7 = {instancePath:instancePath+"/nodes/labels/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/NodeSelection/properties/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/nodes/labels",schemaPath:"#/definitions/NodeSelection/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data1.count !== undefined){
if(!(typeof data1.count == "number")){
const err9 = {instancePath:instancePath+"/nodes/count",schemaPath:"#/definitions/NodeSelection/properties/count/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data1.hostlist !== undefined){
if(typeof data1.hostlist !== "string"){
const err10 = {instancePath:instancePath+"/nodes/hostlist",schemaPath:"#/definitions/NodeSelection/properties/hostlist/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/nodes",schemaPath:"#/definitions/NodeSelection/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.coresPerNode !== undefined){
if(!(typeof data.coresPerNode == "number")){
const err12 = {instancePath:instancePath+"/coresPerNode",schemaPath:"#/properties/coresPerNode/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.memoryPerNode !== undefined){
if(typeof data.memoryPerNode !== "string"){
const err13 = {instancePath:instancePath+"/memoryPerNode",schemaPath:"#/properties/memoryPerNode/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.note !== undefined){
if(typeof data.note !== "string"){
const err14 = {instancePath:instancePath+"/note",schemaPath:"#/properties/note/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate14.errors = vErrors;
return errors === 0;
}

const schema22 = {"type":"object","properties":{"name":{"type":"string"},"displayName":{"type":"string"},"accessMode":{"$ref":"#/definitions/AccessMode"},"allocation":{"$ref":"#/definitions/TenantAllocation"},"sector":{"type":"string"},"gpus":{"type":"array","items":{"$ref":"#/definitions/TenantGpuGrant"}},"resources":{"$ref":"#/definitions/TenantResourceSpec"},"groups":{"type":"object","properties":{"admins":{"type":"array","items":{"type":"string"}},"members":{"type":"array","items":{"type":"string"}}},"required":["admins"],"additionalProperties":false},"egressCidrs":{"type":"array","items":{"type":"string"}},"storage":{"type":"array","items":{"$ref":"#/definitions/TenantStorageGrant"}},"volumes":{"type":"array","items":{"$ref":"#/definitions/TenantVolumeSpec"}},"retired":{"type":"boolean"}},"required":["name","accessMode","gpus","groups"],"x-missing-reported-by-checks":[],"additionalProperties":false};
const schema24 = {"type":"object","properties":{"projectId":{"type":"string"},"start":{"type":"string"},"end":{"type":"string"}},"required":["projectId","start","end"],"x-missing-reported-by-checks":[],"additionalProperties":false};
const schema25 = {"type":"object","properties":{"pool":{"type":"string"},"count":{"type":"number"},"gpuHours":{"type":"number"},"migProfile":{"type":"string"}},"required":["pool"],"x-missing-reported-by-checks":[],"additionalProperties":false};
const schema26 = {"type":"object","properties":{"cpu":{"type":"string"},"memory":{"type":"string"},"ephemeralStorage":{"type":"string"},"pods":{"type":"number"},"persistentVolumeClaims":{"type":"number"}},"additionalProperties":false};
const schema27 = {"type":"object","properties":{"tier":{"type":"string"},"capacity":{"type":"string"},"claims":{"type":"number"}},"required":["tier","capacity"],"x-missing-reported-by-checks":[],"additionalProperties":false};
const schema28 = {"type":"object","properties":{"name":{"type":"string"},"tier":{"type":"string"},"size":{"type":"string"},"accessMode":{"$ref":"#/definitions/VolumeAccessMode"}},"required":["name","tier","size"],"x-missing-reported-by-checks":[],"additionalProperties":false};
const schema29 = {"type":"string"};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.tier === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tier"},message:"must have required property '"+"tier"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.size === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "size"},message:"must have required property '"+"size"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "name") || (key0 === "tier")) || (key0 === "size")) || (key0 === "accessMode"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.tier !== undefined){
if(typeof data.tier !== "string"){
const err5 = {instancePath:instancePath+"/tier",schemaPath:"#/properties/tier/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.size !== undefined){
if(typeof data.size !== "string"){
const err6 = {instancePath:instancePath+"/size",schemaPath:"#/properties/size/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.accessMode !== undefined){
if(typeof data.accessMode !== "string"){
const err7 = {instancePath:instancePath+"/accessMode",schemaPath:"#/definitions/VolumeAccessMode/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate17.errors = vErrors;
return errors === 0;
}


function validate16(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.accessMode === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "accessMode"},message:"must have required property '"+"accessMode"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.gpus === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "gpus"},message:"must have required property '"+"gpus"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.groups === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "groups"},message:"must have required property '"+"groups"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema22.properties, key0))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.displayName !== undefined){
if(typeof data.displayName !== "string"){
const err6 = {instancePath:instancePath+"/displayName",schemaPath:"#/properties/displayName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.accessMode !== undefined){
if(typeof data.accessMode !== "string"){
const err7 = {instancePath:instancePath+"/accessMode",schemaPath:"#/definitions/AccessMode/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.allocation !== undefined){
let data3 = data.allocation;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.projectId === undefined){
const err8 = {instancePath:instancePath+"/allocation",schemaPath:"#/definitions/TenantAllocation/required",keyword:"required",params:{missingProperty: "projectId"},message:"must have required property '"+"projectId"+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data3.start === undefined){
const err9 = {instancePath:instancePath+"/allocation",schemaPath:"#/definitions/TenantAllocation/required",keyword:"required",params:{missingProperty: "start"},message:"must have required property '"+"start"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data3.end === undefined){
const err10 = {instancePath:instancePath+"/allocation",schemaPath:"#/definitions/TenantAllocation/required",keyword:"required",params:{missingProperty: "end"},message:"must have required property '"+"end"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
for(const key1 in data3){
if(!(((key1 === "projectId") || (key1 === "start")) || (key1 === "end"))){
const err11 = {instancePath:instancePath+"/allocation",schemaPath:"#/definitions/TenantAllocation/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data3.projectId !== undefined){
if(typeof data3.projectId !== "string"){
const err12 = {instancePath:instancePath+"/allocation/projectId",schemaPath:"#/definitions/TenantAllocation/properties/projectId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data3.start !== undefined){
if(typeof data3.start !== "string"){
const err13 = {instancePath:instancePath+"/allocation/start",schemaPath:"#/definitions/TenantAllocation/properties/start/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data3.end !== undefined){
if(typeof data3.end !== "string"){
const err14 = {instancePath:instancePath+"/allocation/end",schemaPath:"#/definitions/TenantAllocation/properties/end/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/allocation",schemaPath:"#/definitions/TenantAllocation/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.sector !== undefined){
if(typeof data.sector !== "string"){
const err16 = {instancePath:instancePath+"/sector",schemaPath:"#/properties/sector/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.gpus !== undefined){
let data8 = data.gpus;
if(Array.isArray(data8)){
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.pool === undefined){
const err17 = {instancePath:instancePath+"/gpus/" + i0,schemaPath:"#/definitions/TenantGpuGrant/required",keyword:"required",params:{missingProperty: "pool"},message:"must have required property '"+"pool"+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
for(const key2 in data9){
if(!((((key2 === "pool") || (key2 === "count")) || (key2 === "gpuHours")) || (key2 === "migProfile"))){
const err18 = {instancePath:instancePath+"/gpus/" + i0,schemaPath:"#/definitions/TenantGpuGrant/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data9.pool !== undefined){
if(typeof data9.pool !== "string"){
const err19 = {instancePath:instancePath+"/gpus/" + i0+"/pool",schemaPath:"#/definitions/TenantGpuGrant/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data9.count !== undefined){
if(!(typeof data9.count == "number")){
const err20 = {instancePath:instancePath+"/gpus/" + i0+"/count",schemaPath:"#/definitions/TenantGpuGrant/properties/count/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data9.gpuHours !== undefined){
if(!(typeof data9.gpuHours == "number")){
const err21 = {instancePath:instancePath+"/gpus/" + i0+"/gpuHours",schemaPath:"#/definitions/TenantGpuGrant/properties/gpuHours/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data9.migProfile !== undefined){
if(typeof data9.migProfile !== "string"){
const err22 = {instancePath:instancePath+"/gpus/" + i0+"/migProfile",schemaPath:"#/definitions/TenantGpuGrant/properties/migProfile/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/gpus/" + i0,schemaPath:"#/definitions/TenantGpuGrant/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/gpus",schemaPath:"#/properties/gpus/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.resources !== undefined){
let data14 = data.resources;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
for(const key3 in data14){
if(!(((((key3 === "cpu") || (key3 === "memory")) || (key3 === "ephemeralStorage")) || (key3 === "pods")) || (key3 === "persistentVolumeClaims"))){
const err25 = {instancePath:instancePath+"/resources",schemaPath:"#/definitions/TenantResourceSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data14.cpu !== undefined){
if(typeof data14.cpu !== "string"){
const err26 = {instancePath:instancePath+"/resources/cpu",schemaPath:"#/definitions/TenantResourceSpec/properties/cpu/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data14.memory !== undefined){
if(typeof data14.memory !== "string"){
const err27 = {instancePath:instancePath+"/resources/memory",schemaPath:"#/definitions/TenantResourceSpec/properties/memory/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data14.ephemeralStorage !== undefined){
if(typeof data14.ephemeralStorage !== "string"){
const err28 = {instancePath:instancePath+"/resources/ephemeralStorage",schemaPath:"#/definitions/TenantResourceSpec/properties/ephemeralStorage/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data14.pods !== undefined){
if(!(typeof data14.pods == "number")){
const err29 = {instancePath:instancePath+"/resources/pods",schemaPath:"#/definitions/TenantResourceSpec/properties/pods/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data14.persistentVolumeClaims !== undefined){
if(!(typeof data14.persistentVolumeClaims == "number")){
const err30 = {instancePath:instancePath+"/resources/persistentVolumeClaims",schemaPath:"#/definitions/TenantResourceSpec/properties/persistentVolumeClaims/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/resources",schemaPath:"#/definitions/TenantResourceSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.groups !== undefined){
let data20 = data.groups;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
if(data20.admins === undefined){
const err32 = {instancePath:instancePath+"/groups",schemaPath:"#/properties/groups/required",keyword:"required",params:{missingProperty: "admins"},message:"must have required property '"+"admins"+"'"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
for(const key4 in data20){
if(!((key4 === "admins") || (key4 === "members"))){
const err33 = {instancePath:instancePath+"/groups",schemaPath:"#/properties/groups/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data20.admins !== undefined){
let data21 = data20.admins;
if(Array.isArray(data21)){
const len1 = data21.length;
for(let i1=0; i1<len1; i1++){
if(typeof data21[i1] !== "string"){
const err34 = {instancePath:instancePath+"/groups/admins/" + i1,schemaPath:"#/properties/groups/properties/admins/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/groups/admins",schemaPath:"#/properties/groups/properties/admins/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data20.members !== undefined){
let data23 = data20.members;
if(Array.isArray(data23)){
const len2 = data23.length;
for(let i2=0; i2<len2; i2++){
if(typeof data23[i2] !== "string"){
const err36 = {instancePath:instancePath+"/groups/members/" + i2,schemaPath:"#/properties/groups/properties/members/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/groups/members",schemaPath:"#/properties/groups/properties/members/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath:instancePath+"/groups",schemaPath:"#/properties/groups/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data.egressCidrs !== undefined){
let data25 = data.egressCidrs;
if(Array.isArray(data25)){
const len3 = data25.length;
for(let i3=0; i3<len3; i3++){
if(typeof data25[i3] !== "string"){
const err39 = {instancePath:instancePath+"/egressCidrs/" + i3,schemaPath:"#/properties/egressCidrs/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
else {
const err40 = {instancePath:instancePath+"/egressCidrs",schemaPath:"#/properties/egressCidrs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data.storage !== undefined){
let data27 = data.storage;
if(Array.isArray(data27)){
const len4 = data27.length;
for(let i4=0; i4<len4; i4++){
let data28 = data27[i4];
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
if(data28.tier === undefined){
const err41 = {instancePath:instancePath+"/storage/" + i4,schemaPath:"#/definitions/TenantStorageGrant/required",keyword:"required",params:{missingProperty: "tier"},message:"must have required property '"+"tier"+"'"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(data28.capacity === undefined){
const err42 = {instancePath:instancePath+"/storage/" + i4,schemaPath:"#/definitions/TenantStorageGrant/required",keyword:"required",params:{missingProperty: "capacity"},message:"must have required property '"+"capacity"+"'"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
for(const key5 in data28){
if(!(((key5 === "tier") || (key5 === "capacity")) || (key5 === "claims"))){
const err43 = {instancePath:instancePath+"/storage/" + i4,schemaPath:"#/definitions/TenantStorageGrant/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data28.tier !== undefined){
if(typeof data28.tier !== "string"){
const err44 = {instancePath:instancePath+"/storage/" + i4+"/tier",schemaPath:"#/definitions/TenantStorageGrant/properties/tier/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data28.capacity !== undefined){
if(typeof data28.capacity !== "string"){
const err45 = {instancePath:instancePath+"/storage/" + i4+"/capacity",schemaPath:"#/definitions/TenantStorageGrant/properties/capacity/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data28.claims !== undefined){
if(!(typeof data28.claims == "number")){
const err46 = {instancePath:instancePath+"/storage/" + i4+"/claims",schemaPath:"#/definitions/TenantStorageGrant/properties/claims/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath:instancePath+"/storage/" + i4,schemaPath:"#/definitions/TenantStorageGrant/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/storage",schemaPath:"#/properties/storage/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data.volumes !== undefined){
let data32 = data.volumes;
if(Array.isArray(data32)){
const len5 = data32.length;
for(let i5=0; i5<len5; i5++){
if(!(validate17(data32[i5], {instancePath:instancePath+"/volumes/" + i5,parentData:data32,parentDataProperty:i5,rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
}
}
else {
const err49 = {instancePath:instancePath+"/volumes",schemaPath:"#/properties/volumes/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data.retired !== undefined){
if(typeof data.retired !== "boolean"){
const err50 = {instancePath:instancePath+"/retired",schemaPath:"#/properties/retired/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
validate16.errors = vErrors;
return errors === 0;
}

const schema30 = {"type":"object","properties":{"name":{"type":"string"},"volumes":{"type":"array","items":{"type":"string"}},"note":{"type":"string"},"storage":{"type":"array","items":{"$ref":"#/definitions/TenantStorageGrant"}},"dataDeleted":{"type":"string"}},"required":["name"],"x-missing-reported-by-checks":[],"additionalProperties":false};

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "name") || (key0 === "volumes")) || (key0 === "note")) || (key0 === "storage")) || (key0 === "dataDeleted"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.volumes !== undefined){
let data1 = data.volumes;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
if(typeof data1[i0] !== "string"){
const err3 = {instancePath:instancePath+"/volumes/" + i0,schemaPath:"#/properties/volumes/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath:instancePath+"/volumes",schemaPath:"#/properties/volumes/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.note !== undefined){
if(typeof data.note !== "string"){
const err5 = {instancePath:instancePath+"/note",schemaPath:"#/properties/note/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.storage !== undefined){
let data4 = data.storage;
if(Array.isArray(data4)){
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
let data5 = data4[i1];
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.tier === undefined){
const err6 = {instancePath:instancePath+"/storage/" + i1,schemaPath:"#/definitions/TenantStorageGrant/required",keyword:"required",params:{missingProperty: "tier"},message:"must have required property '"+"tier"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data5.capacity === undefined){
const err7 = {instancePath:instancePath+"/storage/" + i1,schemaPath:"#/definitions/TenantStorageGrant/required",keyword:"required",params:{missingProperty: "capacity"},message:"must have required property '"+"capacity"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key1 in data5){
if(!(((key1 === "tier") || (key1 === "capacity")) || (key1 === "claims"))){
const err8 = {instancePath:instancePath+"/storage/" + i1,schemaPath:"#/definitions/TenantStorageGrant/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data5.tier !== undefined){
if(typeof data5.tier !== "string"){
const err9 = {instancePath:instancePath+"/storage/" + i1+"/tier",schemaPath:"#/definitions/TenantStorageGrant/properties/tier/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data5.capacity !== undefined){
if(typeof data5.capacity !== "string"){
const err10 = {instancePath:instancePath+"/storage/" + i1+"/capacity",schemaPath:"#/definitions/TenantStorageGrant/properties/capacity/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data5.claims !== undefined){
if(!(typeof data5.claims == "number")){
const err11 = {instancePath:instancePath+"/storage/" + i1+"/claims",schemaPath:"#/definitions/TenantStorageGrant/properties/claims/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/storage/" + i1,schemaPath:"#/definitions/TenantStorageGrant/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/storage",schemaPath:"#/properties/storage/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.dataDeleted !== undefined){
if(typeof data.dataDeleted !== "string"){
const err14 = {instancePath:instancePath+"/dataDeleted",schemaPath:"#/properties/dataDeleted/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}

const schema34 = {"type":"object","properties":{"id":{"type":"string"},"vendor":{"$ref":"#/definitions/AcceleratorVendor"},"displayName":{"type":"string"},"memoryGb":{"type":"number"},"resourceName":{"type":"string"},"devicesPerPackage":{"type":"number"},"gresType":{"type":"string"},"migProfiles":{"type":"array","items":{"$ref":"#/definitions/MigProfile"}},"timeSlicing":{"type":"boolean"}},"required":["id","vendor","displayName","memoryGb","resourceName","devicesPerPackage","gresType","migProfiles","timeSlicing"],"x-missing-reported-by-checks":["id","vendor","displayName","memoryGb","resourceName","devicesPerPackage","gresType","migProfiles","timeSlicing"],"additionalProperties":false};
const schema35 = {"type":"string"};
const schema36 = {"type":"object","properties":{"name":{"type":"string"},"computeSlices":{"type":"number"},"memorySlices":{"type":"number"},"maxInstances":{"type":"number"}},"required":["name","computeSlices","memorySlices","maxInstances"],"x-missing-reported-by-checks":["name","computeSlices","memorySlices","maxInstances"],"additionalProperties":false};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.vendor === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "vendor"},message:"must have required property '"+"vendor"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.displayName === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "displayName"},message:"must have required property '"+"displayName"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.memoryGb === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "memoryGb"},message:"must have required property '"+"memoryGb"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.resourceName === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "resourceName"},message:"must have required property '"+"resourceName"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.devicesPerPackage === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "devicesPerPackage"},message:"must have required property '"+"devicesPerPackage"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.gresType === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "gresType"},message:"must have required property '"+"gresType"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.migProfiles === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "migProfiles"},message:"must have required property '"+"migProfiles"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.timeSlicing === undefined){
const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "timeSlicing"},message:"must have required property '"+"timeSlicing"+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema34.properties, key0))){
const err9 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.id !== undefined){
if(typeof data.id !== "string"){
const err10 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.vendor !== undefined){
if(typeof data.vendor !== "string"){
const err11 = {instancePath:instancePath+"/vendor",schemaPath:"#/definitions/AcceleratorVendor/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.displayName !== undefined){
if(typeof data.displayName !== "string"){
const err12 = {instancePath:instancePath+"/displayName",schemaPath:"#/properties/displayName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.memoryGb !== undefined){
if(!(typeof data.memoryGb == "number")){
const err13 = {instancePath:instancePath+"/memoryGb",schemaPath:"#/properties/memoryGb/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.resourceName !== undefined){
if(typeof data.resourceName !== "string"){
const err14 = {instancePath:instancePath+"/resourceName",schemaPath:"#/properties/resourceName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.devicesPerPackage !== undefined){
if(!(typeof data.devicesPerPackage == "number")){
const err15 = {instancePath:instancePath+"/devicesPerPackage",schemaPath:"#/properties/devicesPerPackage/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.gresType !== undefined){
if(typeof data.gresType !== "string"){
const err16 = {instancePath:instancePath+"/gresType",schemaPath:"#/properties/gresType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.migProfiles !== undefined){
let data7 = data.migProfiles;
if(Array.isArray(data7)){
const len0 = data7.length;
for(let i0=0; i0<len0; i0++){
let data8 = data7[i0];
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.name === undefined){
const err17 = {instancePath:instancePath+"/migProfiles/" + i0,schemaPath:"#/definitions/MigProfile/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data8.computeSlices === undefined){
const err18 = {instancePath:instancePath+"/migProfiles/" + i0,schemaPath:"#/definitions/MigProfile/required",keyword:"required",params:{missingProperty: "computeSlices"},message:"must have required property '"+"computeSlices"+"'"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data8.memorySlices === undefined){
const err19 = {instancePath:instancePath+"/migProfiles/" + i0,schemaPath:"#/definitions/MigProfile/required",keyword:"required",params:{missingProperty: "memorySlices"},message:"must have required property '"+"memorySlices"+"'"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data8.maxInstances === undefined){
const err20 = {instancePath:instancePath+"/migProfiles/" + i0,schemaPath:"#/definitions/MigProfile/required",keyword:"required",params:{missingProperty: "maxInstances"},message:"must have required property '"+"maxInstances"+"'"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
for(const key1 in data8){
if(!((((key1 === "name") || (key1 === "computeSlices")) || (key1 === "memorySlices")) || (key1 === "maxInstances"))){
const err21 = {instancePath:instancePath+"/migProfiles/" + i0,schemaPath:"#/definitions/MigProfile/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data8.name !== undefined){
if(typeof data8.name !== "string"){
const err22 = {instancePath:instancePath+"/migProfiles/" + i0+"/name",schemaPath:"#/definitions/MigProfile/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data8.computeSlices !== undefined){
if(!(typeof data8.computeSlices == "number")){
const err23 = {instancePath:instancePath+"/migProfiles/" + i0+"/computeSlices",schemaPath:"#/definitions/MigProfile/properties/computeSlices/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data8.memorySlices !== undefined){
if(!(typeof data8.memorySlices == "number")){
const err24 = {instancePath:instancePath+"/migProfiles/" + i0+"/memorySlices",schemaPath:"#/definitions/MigProfile/properties/memorySlices/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data8.maxInstances !== undefined){
if(!(typeof data8.maxInstances == "number")){
const err25 = {instancePath:instancePath+"/migProfiles/" + i0+"/maxInstances",schemaPath:"#/definitions/MigProfile/properties/maxInstances/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/migProfiles/" + i0,schemaPath:"#/definitions/MigProfile/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/migProfiles",schemaPath:"#/properties/migProfiles/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.timeSlicing !== undefined){
if(typeof data.timeSlicing !== "boolean"){
const err28 = {instancePath:instancePath+"/timeSlicing",schemaPath:"#/properties/timeSlicing/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}

const schema38 = {"type":"object","properties":{"name":{"type":"string"},"purpose":{"type":"string"},"capacity":{"type":"string"},"reclaimPolicy":{"$ref":"#/definitions/ReclaimPolicy"},"volumeBindingMode":{"$ref":"#/definitions/VolumeBindingMode"},"accessModes":{"type":"array","items":{"$ref":"#/definitions/VolumeAccessMode"}},"allowVolumeExpansion":{"type":"boolean"},"default":{"type":"boolean"},"mountOptions":{"type":"array","items":{"type":"string"}},"driver":{"$ref":"#/definitions/StorageDriverSpec"},"note":{"type":"string"}},"required":["name","purpose","capacity","driver"],"x-missing-reported-by-checks":["purpose"],"additionalProperties":false};
const schema39 = {"type":"string"};
const schema40 = {"type":"string"};
const schema42 = {"type":"object","discriminator":{"propertyName":"kind"},"properties":{"kind":{"type":"string"}},"required":["kind"],"x-missing-reported-by-checks":["kind"],"oneOf":[{"$ref":"#/definitions/NfsDriverSpec"},{"$ref":"#/definitions/RookRbdDriverSpec"},{"$ref":"#/definitions/RookCephFsDriverSpec"},{"$ref":"#/definitions/CephRbdDriverSpec"},{"$ref":"#/definitions/CephFsDriverSpec"},{"$ref":"#/definitions/TopoLvmDriverSpec"},{"$ref":"#/definitions/ExaScalerDriverSpec"},{"$ref":"#/definitions/StorageScaleDriverSpec"},{"$ref":"#/definitions/CustomDriverSpec"}]};
const schema47 = {"type":"object","properties":{"kind":{"type":"string","const":"nfs"},"server":{"type":"string"},"share":{"type":"string"},"subDir":{"type":"string"},"mountOptions":{"type":"array","items":{"type":"string"}}},"required":["kind","server","share"],"x-missing-reported-by-checks":["kind","server","share"],"additionalProperties":false};
const schema48 = {"type":"object","properties":{"kind":{"type":"string","const":"rook-ceph-rbd"},"pool":{"type":"string"},"replicas":{"type":"number"},"failureDomain":{"type":"string"},"fsType":{"type":"string"}},"required":["kind"],"x-missing-reported-by-checks":[],"additionalProperties":false};
const schema49 = {"type":"object","properties":{"kind":{"type":"string","const":"rook-cephfs"},"fileSystem":{"type":"string"},"replicas":{"type":"number"},"failureDomain":{"type":"string"}},"required":["kind"],"x-missing-reported-by-checks":[],"additionalProperties":false};
const schema50 = {"type":"object","properties":{"kind":{"type":"string","const":"topolvm"},"deviceClass":{"type":"string"},"volumeGroup":{"type":"string"},"fsType":{"type":"string"},"spareGb":{"type":"number"},"nodePools":{"type":"array","items":{"type":"string"}}},"required":["kind","deviceClass","volumeGroup"],"x-missing-reported-by-checks":["kind","deviceClass","volumeGroup"],"additionalProperties":false};
const schema51 = {"type":"object","properties":{"kind":{"type":"string","const":"exascaler"},"exaFS":{"type":"string"},"mountPoint":{"type":"string"},"projectId":{"type":"string"}},"required":["kind","exaFS","mountPoint"],"x-missing-reported-by-checks":["kind","exaFS","mountPoint"],"additionalProperties":false};
const schema52 = {"type":"object","properties":{"kind":{"type":"string","const":"storage-scale"},"volBackendFs":{"type":"string"},"filesetType":{"type":"string"},"clusterId":{"type":"string"}},"required":["kind","volBackendFs"],"x-missing-reported-by-checks":["kind","volBackendFs"],"additionalProperties":false};
const schema53 = {"type":"object","properties":{"kind":{"type":"string","const":"custom"},"provisioner":{"type":"string"},"parameters":{"type":"object","additionalProperties":{"type":"string"}}},"required":["kind","provisioner"],"x-missing-reported-by-checks":["kind","provisioner"],"additionalProperties":false};
const schema43 = {"type":"object","properties":{"kind":{"type":"string","const":"ceph-rbd"},"clusterID":{"type":"string"},"pool":{"type":"string"},"secrets":{"$ref":"#/definitions/CephSecretsSpec"},"provisioner":{"type":"string"},"fsType":{"type":"string"}},"required":["kind","clusterID","pool","secrets"],"x-missing-reported-by-checks":["kind","clusterID","pool","secrets"],"additionalProperties":false};
const schema44 = {"type":"object","properties":{"namespace":{"type":"string"},"provisioner":{"type":"string"},"node":{"type":"string"}},"required":["namespace","provisioner","node"],"x-missing-reported-by-checks":["namespace","provisioner","node"],"additionalProperties":false};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.clusterID === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "clusterID"},message:"must have required property '"+"clusterID"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.pool === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "pool"},message:"must have required property '"+"pool"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.secrets === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "secrets"},message:"must have required property '"+"secrets"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "kind") || (key0 === "clusterID")) || (key0 === "pool")) || (key0 === "secrets")) || (key0 === "provisioner")) || (key0 === "fsType"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if(typeof data0 !== "string"){
const err5 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if("ceph-rbd" !== data0){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "ceph-rbd"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.clusterID !== undefined){
if(typeof data.clusterID !== "string"){
const err7 = {instancePath:instancePath+"/clusterID",schemaPath:"#/properties/clusterID/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.pool !== undefined){
if(typeof data.pool !== "string"){
const err8 = {instancePath:instancePath+"/pool",schemaPath:"#/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.secrets !== undefined){
let data3 = data.secrets;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.namespace === undefined){
const err9 = {instancePath:instancePath+"/secrets",schemaPath:"#/definitions/CephSecretsSpec/required",keyword:"required",params:{missingProperty: "namespace"},message:"must have required property '"+"namespace"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data3.provisioner === undefined){
const err10 = {instancePath:instancePath+"/secrets",schemaPath:"#/definitions/CephSecretsSpec/required",keyword:"required",params:{missingProperty: "provisioner"},message:"must have required property '"+"provisioner"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data3.node === undefined){
const err11 = {instancePath:instancePath+"/secrets",schemaPath:"#/definitions/CephSecretsSpec/required",keyword:"required",params:{missingProperty: "node"},message:"must have required property '"+"node"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
for(const key1 in data3){
if(!(((key1 === "namespace") || (key1 === "provisioner")) || (key1 === "node"))){
const err12 = {instancePath:instancePath+"/secrets",schemaPath:"#/definitions/CephSecretsSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data3.namespace !== undefined){
if(typeof data3.namespace !== "string"){
const err13 = {instancePath:instancePath+"/secrets/namespace",schemaPath:"#/definitions/CephSecretsSpec/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data3.provisioner !== undefined){
if(typeof data3.provisioner !== "string"){
const err14 = {instancePath:instancePath+"/secrets/provisioner",schemaPath:"#/definitions/CephSecretsSpec/properties/provisioner/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data3.node !== undefined){
if(typeof data3.node !== "string"){
const err15 = {instancePath:instancePath+"/secrets/node",schemaPath:"#/definitions/CephSecretsSpec/properties/node/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/secrets",schemaPath:"#/definitions/CephSecretsSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.provisioner !== undefined){
if(typeof data.provisioner !== "string"){
const err17 = {instancePath:instancePath+"/provisioner",schemaPath:"#/properties/provisioner/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.fsType !== undefined){
if(typeof data.fsType !== "string"){
const err18 = {instancePath:instancePath+"/fsType",schemaPath:"#/properties/fsType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate26.errors = vErrors;
return errors === 0;
}

const schema45 = {"type":"object","properties":{"kind":{"type":"string","const":"cephfs"},"clusterID":{"type":"string"},"fsName":{"type":"string"},"pool":{"type":"string"},"secrets":{"$ref":"#/definitions/CephSecretsSpec"},"provisioner":{"type":"string"}},"required":["kind","clusterID","fsName","secrets"],"x-missing-reported-by-checks":["kind","clusterID","fsName","secrets"],"additionalProperties":false};

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.clusterID === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "clusterID"},message:"must have required property '"+"clusterID"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.fsName === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "fsName"},message:"must have required property '"+"fsName"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.secrets === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "secrets"},message:"must have required property '"+"secrets"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "kind") || (key0 === "clusterID")) || (key0 === "fsName")) || (key0 === "pool")) || (key0 === "secrets")) || (key0 === "provisioner"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if(typeof data0 !== "string"){
const err5 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if("cephfs" !== data0){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "cephfs"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.clusterID !== undefined){
if(typeof data.clusterID !== "string"){
const err7 = {instancePath:instancePath+"/clusterID",schemaPath:"#/properties/clusterID/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.fsName !== undefined){
if(typeof data.fsName !== "string"){
const err8 = {instancePath:instancePath+"/fsName",schemaPath:"#/properties/fsName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.pool !== undefined){
if(typeof data.pool !== "string"){
const err9 = {instancePath:instancePath+"/pool",schemaPath:"#/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.secrets !== undefined){
let data4 = data.secrets;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.namespace === undefined){
const err10 = {instancePath:instancePath+"/secrets",schemaPath:"#/definitions/CephSecretsSpec/required",keyword:"required",params:{missingProperty: "namespace"},message:"must have required property '"+"namespace"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data4.provisioner === undefined){
const err11 = {instancePath:instancePath+"/secrets",schemaPath:"#/definitions/CephSecretsSpec/required",keyword:"required",params:{missingProperty: "provisioner"},message:"must have required property '"+"provisioner"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4.node === undefined){
const err12 = {instancePath:instancePath+"/secrets",schemaPath:"#/definitions/CephSecretsSpec/required",keyword:"required",params:{missingProperty: "node"},message:"must have required property '"+"node"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key1 in data4){
if(!(((key1 === "namespace") || (key1 === "provisioner")) || (key1 === "node"))){
const err13 = {instancePath:instancePath+"/secrets",schemaPath:"#/definitions/CephSecretsSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data4.namespace !== undefined){
if(typeof data4.namespace !== "string"){
const err14 = {instancePath:instancePath+"/secrets/namespace",schemaPath:"#/definitions/CephSecretsSpec/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data4.provisioner !== undefined){
if(typeof data4.provisioner !== "string"){
const err15 = {instancePath:instancePath+"/secrets/provisioner",schemaPath:"#/definitions/CephSecretsSpec/properties/provisioner/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data4.node !== undefined){
if(typeof data4.node !== "string"){
const err16 = {instancePath:instancePath+"/secrets/node",schemaPath:"#/definitions/CephSecretsSpec/properties/node/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/secrets",schemaPath:"#/definitions/CephSecretsSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.provisioner !== undefined){
if(typeof data.provisioner !== "string"){
const err18 = {instancePath:instancePath+"/provisioner",schemaPath:"#/properties/provisioner/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate27.errors = vErrors;
return errors === 0;
}


function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind !== undefined){
if(typeof data.kind !== "string"){
const err1 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
const tag0 = data.kind;
if(typeof tag0 == "string"){
if(tag0 === "nfs"){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err2 = {instancePath,schemaPath:"#/definitions/NfsDriverSpec/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.server === undefined){
const err3 = {instancePath,schemaPath:"#/definitions/NfsDriverSpec/required",keyword:"required",params:{missingProperty: "server"},message:"must have required property '"+"server"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.share === undefined){
const err4 = {instancePath,schemaPath:"#/definitions/NfsDriverSpec/required",keyword:"required",params:{missingProperty: "share"},message:"must have required property '"+"share"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "kind") || (key0 === "server")) || (key0 === "share")) || (key0 === "subDir")) || (key0 === "mountOptions"))){
const err5 = {instancePath,schemaPath:"#/definitions/NfsDriverSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/NfsDriverSpec/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if("nfs" !== data1){
const err7 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/NfsDriverSpec/properties/kind/const",keyword:"const",params:{allowedValue: "nfs"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.server !== undefined){
if(typeof data.server !== "string"){
const err8 = {instancePath:instancePath+"/server",schemaPath:"#/definitions/NfsDriverSpec/properties/server/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.share !== undefined){
if(typeof data.share !== "string"){
const err9 = {instancePath:instancePath+"/share",schemaPath:"#/definitions/NfsDriverSpec/properties/share/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.subDir !== undefined){
if(typeof data.subDir !== "string"){
const err10 = {instancePath:instancePath+"/subDir",schemaPath:"#/definitions/NfsDriverSpec/properties/subDir/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.mountOptions !== undefined){
let data5 = data.mountOptions;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
if(typeof data5[i0] !== "string"){
const err11 = {instancePath:instancePath+"/mountOptions/" + i0,schemaPath:"#/definitions/NfsDriverSpec/properties/mountOptions/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/mountOptions",schemaPath:"#/definitions/NfsDriverSpec/properties/mountOptions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath,schemaPath:"#/definitions/NfsDriverSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else if(tag0 === "rook-ceph-rbd"){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err14 = {instancePath,schemaPath:"#/definitions/RookRbdDriverSpec/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
for(const key1 in data){
if(!(((((key1 === "kind") || (key1 === "pool")) || (key1 === "replicas")) || (key1 === "failureDomain")) || (key1 === "fsType"))){
const err15 = {instancePath,schemaPath:"#/definitions/RookRbdDriverSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.kind !== undefined){
let data7 = data.kind;
if(typeof data7 !== "string"){
const err16 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/RookRbdDriverSpec/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if("rook-ceph-rbd" !== data7){
const err17 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/RookRbdDriverSpec/properties/kind/const",keyword:"const",params:{allowedValue: "rook-ceph-rbd"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.pool !== undefined){
if(typeof data.pool !== "string"){
const err18 = {instancePath:instancePath+"/pool",schemaPath:"#/definitions/RookRbdDriverSpec/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.replicas !== undefined){
if(!(typeof data.replicas == "number")){
const err19 = {instancePath:instancePath+"/replicas",schemaPath:"#/definitions/RookRbdDriverSpec/properties/replicas/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.failureDomain !== undefined){
if(typeof data.failureDomain !== "string"){
const err20 = {instancePath:instancePath+"/failureDomain",schemaPath:"#/definitions/RookRbdDriverSpec/properties/failureDomain/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.fsType !== undefined){
if(typeof data.fsType !== "string"){
const err21 = {instancePath:instancePath+"/fsType",schemaPath:"#/definitions/RookRbdDriverSpec/properties/fsType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/definitions/RookRbdDriverSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else if(tag0 === "rook-cephfs"){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err23 = {instancePath,schemaPath:"#/definitions/RookCephFsDriverSpec/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
for(const key2 in data){
if(!((((key2 === "kind") || (key2 === "fileSystem")) || (key2 === "replicas")) || (key2 === "failureDomain"))){
const err24 = {instancePath,schemaPath:"#/definitions/RookCephFsDriverSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.kind !== undefined){
let data12 = data.kind;
if(typeof data12 !== "string"){
const err25 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/RookCephFsDriverSpec/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if("rook-cephfs" !== data12){
const err26 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/RookCephFsDriverSpec/properties/kind/const",keyword:"const",params:{allowedValue: "rook-cephfs"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.fileSystem !== undefined){
if(typeof data.fileSystem !== "string"){
const err27 = {instancePath:instancePath+"/fileSystem",schemaPath:"#/definitions/RookCephFsDriverSpec/properties/fileSystem/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.replicas !== undefined){
if(!(typeof data.replicas == "number")){
const err28 = {instancePath:instancePath+"/replicas",schemaPath:"#/definitions/RookCephFsDriverSpec/properties/replicas/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.failureDomain !== undefined){
if(typeof data.failureDomain !== "string"){
const err29 = {instancePath:instancePath+"/failureDomain",schemaPath:"#/definitions/RookCephFsDriverSpec/properties/failureDomain/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath,schemaPath:"#/definitions/RookCephFsDriverSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else if(tag0 === "ceph-rbd"){
if(!(validate26(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
}
else if(tag0 === "cephfs"){
if(!(validate27(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
errors = vErrors.length;
}
}
else if(tag0 === "topolvm"){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err31 = {instancePath,schemaPath:"#/definitions/TopoLvmDriverSpec/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(data.deviceClass === undefined){
const err32 = {instancePath,schemaPath:"#/definitions/TopoLvmDriverSpec/required",keyword:"required",params:{missingProperty: "deviceClass"},message:"must have required property '"+"deviceClass"+"'"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(data.volumeGroup === undefined){
const err33 = {instancePath,schemaPath:"#/definitions/TopoLvmDriverSpec/required",keyword:"required",params:{missingProperty: "volumeGroup"},message:"must have required property '"+"volumeGroup"+"'"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
for(const key3 in data){
if(!((((((key3 === "kind") || (key3 === "deviceClass")) || (key3 === "volumeGroup")) || (key3 === "fsType")) || (key3 === "spareGb")) || (key3 === "nodePools"))){
const err34 = {instancePath,schemaPath:"#/definitions/TopoLvmDriverSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.kind !== undefined){
let data16 = data.kind;
if(typeof data16 !== "string"){
const err35 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/TopoLvmDriverSpec/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if("topolvm" !== data16){
const err36 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/TopoLvmDriverSpec/properties/kind/const",keyword:"const",params:{allowedValue: "topolvm"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.deviceClass !== undefined){
if(typeof data.deviceClass !== "string"){
const err37 = {instancePath:instancePath+"/deviceClass",schemaPath:"#/definitions/TopoLvmDriverSpec/properties/deviceClass/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data.volumeGroup !== undefined){
if(typeof data.volumeGroup !== "string"){
const err38 = {instancePath:instancePath+"/volumeGroup",schemaPath:"#/definitions/TopoLvmDriverSpec/properties/volumeGroup/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data.fsType !== undefined){
if(typeof data.fsType !== "string"){
const err39 = {instancePath:instancePath+"/fsType",schemaPath:"#/definitions/TopoLvmDriverSpec/properties/fsType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data.spareGb !== undefined){
if(!(typeof data.spareGb == "number")){
const err40 = {instancePath:instancePath+"/spareGb",schemaPath:"#/definitions/TopoLvmDriverSpec/properties/spareGb/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data.nodePools !== undefined){
let data21 = data.nodePools;
if(Array.isArray(data21)){
const len1 = data21.length;
for(let i1=0; i1<len1; i1++){
if(typeof data21[i1] !== "string"){
const err41 = {instancePath:instancePath+"/nodePools/" + i1,schemaPath:"#/definitions/TopoLvmDriverSpec/properties/nodePools/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
else {
const err42 = {instancePath:instancePath+"/nodePools",schemaPath:"#/definitions/TopoLvmDriverSpec/properties/nodePools/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath,schemaPath:"#/definitions/TopoLvmDriverSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
else if(tag0 === "exascaler"){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err44 = {instancePath,schemaPath:"#/definitions/ExaScalerDriverSpec/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if(data.exaFS === undefined){
const err45 = {instancePath,schemaPath:"#/definitions/ExaScalerDriverSpec/required",keyword:"required",params:{missingProperty: "exaFS"},message:"must have required property '"+"exaFS"+"'"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
if(data.mountPoint === undefined){
const err46 = {instancePath,schemaPath:"#/definitions/ExaScalerDriverSpec/required",keyword:"required",params:{missingProperty: "mountPoint"},message:"must have required property '"+"mountPoint"+"'"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
for(const key4 in data){
if(!((((key4 === "kind") || (key4 === "exaFS")) || (key4 === "mountPoint")) || (key4 === "projectId"))){
const err47 = {instancePath,schemaPath:"#/definitions/ExaScalerDriverSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data.kind !== undefined){
let data23 = data.kind;
if(typeof data23 !== "string"){
const err48 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/ExaScalerDriverSpec/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if("exascaler" !== data23){
const err49 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/ExaScalerDriverSpec/properties/kind/const",keyword:"const",params:{allowedValue: "exascaler"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data.exaFS !== undefined){
if(typeof data.exaFS !== "string"){
const err50 = {instancePath:instancePath+"/exaFS",schemaPath:"#/definitions/ExaScalerDriverSpec/properties/exaFS/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data.mountPoint !== undefined){
if(typeof data.mountPoint !== "string"){
const err51 = {instancePath:instancePath+"/mountPoint",schemaPath:"#/definitions/ExaScalerDriverSpec/properties/mountPoint/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data.projectId !== undefined){
if(typeof data.projectId !== "string"){
const err52 = {instancePath:instancePath+"/projectId",schemaPath:"#/definitions/ExaScalerDriverSpec/properties/projectId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
else {
const err53 = {instancePath,schemaPath:"#/definitions/ExaScalerDriverSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
else if(tag0 === "storage-scale"){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err54 = {instancePath,schemaPath:"#/definitions/StorageScaleDriverSpec/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(data.volBackendFs === undefined){
const err55 = {instancePath,schemaPath:"#/definitions/StorageScaleDriverSpec/required",keyword:"required",params:{missingProperty: "volBackendFs"},message:"must have required property '"+"volBackendFs"+"'"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
for(const key5 in data){
if(!((((key5 === "kind") || (key5 === "volBackendFs")) || (key5 === "filesetType")) || (key5 === "clusterId"))){
const err56 = {instancePath,schemaPath:"#/definitions/StorageScaleDriverSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data.kind !== undefined){
let data27 = data.kind;
if(typeof data27 !== "string"){
const err57 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/StorageScaleDriverSpec/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
if("storage-scale" !== data27){
const err58 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/StorageScaleDriverSpec/properties/kind/const",keyword:"const",params:{allowedValue: "storage-scale"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data.volBackendFs !== undefined){
if(typeof data.volBackendFs !== "string"){
const err59 = {instancePath:instancePath+"/volBackendFs",schemaPath:"#/definitions/StorageScaleDriverSpec/properties/volBackendFs/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data.filesetType !== undefined){
if(typeof data.filesetType !== "string"){
const err60 = {instancePath:instancePath+"/filesetType",schemaPath:"#/definitions/StorageScaleDriverSpec/properties/filesetType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data.clusterId !== undefined){
if(typeof data.clusterId !== "string"){
const err61 = {instancePath:instancePath+"/clusterId",schemaPath:"#/definitions/StorageScaleDriverSpec/properties/clusterId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
else {
const err62 = {instancePath,schemaPath:"#/definitions/StorageScaleDriverSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
else if(tag0 === "custom"){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err63 = {instancePath,schemaPath:"#/definitions/CustomDriverSpec/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if(data.provisioner === undefined){
const err64 = {instancePath,schemaPath:"#/definitions/CustomDriverSpec/required",keyword:"required",params:{missingProperty: "provisioner"},message:"must have required property '"+"provisioner"+"'"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
for(const key6 in data){
if(!(((key6 === "kind") || (key6 === "provisioner")) || (key6 === "parameters"))){
const err65 = {instancePath,schemaPath:"#/definitions/CustomDriverSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data.kind !== undefined){
let data31 = data.kind;
if(typeof data31 !== "string"){
const err66 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/CustomDriverSpec/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if("custom" !== data31){
const err67 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/CustomDriverSpec/properties/kind/const",keyword:"const",params:{allowedValue: "custom"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data.provisioner !== undefined){
if(typeof data.provisioner !== "string"){
const err68 = {instancePath:instancePath+"/provisioner",schemaPath:"#/definitions/CustomDriverSpec/properties/provisioner/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data.parameters !== undefined){
let data33 = data.parameters;
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
for(const key7 in data33){
if(typeof data33[key7] !== "string"){
const err69 = {instancePath:instancePath+"/parameters/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/CustomDriverSpec/properties/parameters/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
}
else {
const err70 = {instancePath:instancePath+"/parameters",schemaPath:"#/definitions/CustomDriverSpec/properties/parameters/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
}
else {
const err71 = {instancePath,schemaPath:"#/definitions/CustomDriverSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
else {
const err72 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "mapping", tag: "kind", tagValue: tag0},message:"value of tag \"kind\" must be in oneOf"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
else {
const err73 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "tag", tag: "kind", tagValue: tag0},message:"tag \"kind\" must be string"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
else {
const err74 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}


function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.purpose === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "purpose"},message:"must have required property '"+"purpose"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.capacity === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "capacity"},message:"must have required property '"+"capacity"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.driver === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "driver"},message:"must have required property '"+"driver"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema38.properties, key0))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.purpose !== undefined){
if(typeof data.purpose !== "string"){
const err6 = {instancePath:instancePath+"/purpose",schemaPath:"#/properties/purpose/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.capacity !== undefined){
if(typeof data.capacity !== "string"){
const err7 = {instancePath:instancePath+"/capacity",schemaPath:"#/properties/capacity/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.reclaimPolicy !== undefined){
if(typeof data.reclaimPolicy !== "string"){
const err8 = {instancePath:instancePath+"/reclaimPolicy",schemaPath:"#/definitions/ReclaimPolicy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.volumeBindingMode !== undefined){
if(typeof data.volumeBindingMode !== "string"){
const err9 = {instancePath:instancePath+"/volumeBindingMode",schemaPath:"#/definitions/VolumeBindingMode/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.accessModes !== undefined){
let data5 = data.accessModes;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
if(typeof data5[i0] !== "string"){
const err10 = {instancePath:instancePath+"/accessModes/" + i0,schemaPath:"#/definitions/VolumeAccessMode/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/accessModes",schemaPath:"#/properties/accessModes/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.allowVolumeExpansion !== undefined){
if(typeof data.allowVolumeExpansion !== "boolean"){
const err12 = {instancePath:instancePath+"/allowVolumeExpansion",schemaPath:"#/properties/allowVolumeExpansion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.default !== undefined){
if(typeof data.default !== "boolean"){
const err13 = {instancePath:instancePath+"/default",schemaPath:"#/properties/default/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.mountOptions !== undefined){
let data9 = data.mountOptions;
if(Array.isArray(data9)){
const len1 = data9.length;
for(let i1=0; i1<len1; i1++){
if(typeof data9[i1] !== "string"){
const err14 = {instancePath:instancePath+"/mountOptions/" + i1,schemaPath:"#/properties/mountOptions/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/mountOptions",schemaPath:"#/properties/mountOptions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.driver !== undefined){
if(!(validate25(data.driver, {instancePath:instancePath+"/driver",parentData:data,parentDataProperty:"driver",rootData}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
}
if(data.note !== undefined){
if(typeof data.note !== "string"){
const err16 = {instancePath:instancePath+"/note",schemaPath:"#/properties/note/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
validate24.errors = vErrors;
return errors === 0;
}

const schema54 = {"type":"object","properties":{"kueue":{"$ref":"#/definitions/KueueSpec"},"slurm":{"$ref":"#/definitions/SlurmSpec"}},"additionalProperties":false};
const schema55 = {"type":"object","properties":{"nodes":{"type":"object","additionalProperties":{"type":"number"}},"cohort":{"anyOf":[{"type":"string"},{"type":"boolean","const":false}]},"tenants":{"type":"object","additionalProperties":{"$ref":"#/definitions/KueueTenantOverride"}},"workloadControllers":{"type":"array","items":{"type":"string"}},"cpuNodeLabels":{"type":"object","additionalProperties":{"type":"string"}}},"additionalProperties":false};
const schema56 = {"type":"object","properties":{"borrowingLimit":{"type":"number"},"lendingLimit":{"type":"number"}},"additionalProperties":false};

function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((((key0 === "nodes") || (key0 === "cohort")) || (key0 === "tenants")) || (key0 === "workloadControllers")) || (key0 === "cpuNodeLabels"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.nodes !== undefined){
let data0 = data.nodes;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key1 in data0){
if(!(typeof data0[key1] == "number")){
const err1 = {instancePath:instancePath+"/nodes/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/nodes/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
else {
const err2 = {instancePath:instancePath+"/nodes",schemaPath:"#/properties/nodes/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.cohort !== undefined){
let data2 = data.cohort;
const _errs8 = errors;
let valid2 = false;
const _errs9 = errors;
if(typeof data2 !== "string"){
const err3 = {instancePath:instancePath+"/cohort",schemaPath:"#/properties/cohort/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid0 = _errs9 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs11 = errors;
if(typeof data2 !== "boolean"){
const err4 = {instancePath:instancePath+"/cohort",schemaPath:"#/properties/cohort/anyOf/1/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(false !== data2){
const err5 = {instancePath:instancePath+"/cohort",schemaPath:"#/properties/cohort/anyOf/1/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid0 = _errs11 === errors;
valid2 = valid2 || _valid0;
}
if(!valid2){
const err6 = {instancePath:instancePath+"/cohort",schemaPath:"#/properties/cohort/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
}
}
if(data.tenants !== undefined){
let data3 = data.tenants;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key2 in data3){
let data4 = data3[key2];
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key3 in data4){
if(!((key3 === "borrowingLimit") || (key3 === "lendingLimit"))){
const err7 = {instancePath:instancePath+"/tenants/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/KueueTenantOverride/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data4.borrowingLimit !== undefined){
if(!(typeof data4.borrowingLimit == "number")){
const err8 = {instancePath:instancePath+"/tenants/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/borrowingLimit",schemaPath:"#/definitions/KueueTenantOverride/properties/borrowingLimit/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data4.lendingLimit !== undefined){
if(!(typeof data4.lendingLimit == "number")){
const err9 = {instancePath:instancePath+"/tenants/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/lendingLimit",schemaPath:"#/definitions/KueueTenantOverride/properties/lendingLimit/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/tenants/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/KueueTenantOverride/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/tenants",schemaPath:"#/properties/tenants/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.workloadControllers !== undefined){
let data7 = data.workloadControllers;
if(Array.isArray(data7)){
const len0 = data7.length;
for(let i0=0; i0<len0; i0++){
if(typeof data7[i0] !== "string"){
const err12 = {instancePath:instancePath+"/workloadControllers/" + i0,schemaPath:"#/properties/workloadControllers/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/workloadControllers",schemaPath:"#/properties/workloadControllers/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.cpuNodeLabels !== undefined){
let data9 = data.cpuNodeLabels;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key4 in data9){
if(typeof data9[key4] !== "string"){
const err14 = {instancePath:instancePath+"/cpuNodeLabels/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/cpuNodeLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/cpuNodeLabels",schemaPath:"#/properties/cpuNodeLabels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate33.errors = vErrors;
return errors === 0;
}

const schema57 = {"type":"object","properties":{"clusterName":{"type":"string"},"nodes":{"type":"object","additionalProperties":{"type":"number"}},"slurmdImages":{"type":"object","additionalProperties":{"type":"string"}},"partitions":{"type":"array","items":{"$ref":"#/definitions/SlurmPartitionSpec"}},"defaultPartition":{"type":"string"},"maxTime":{"type":"string"},"accounting":{"$ref":"#/definitions/SlurmAccountingSpec"},"login":{"$ref":"#/definitions/SlurmLoginSpec"}},"required":["nodes"],"x-missing-reported-by-checks":[],"additionalProperties":false};
const schema58 = {"type":"object","properties":{"name":{"type":"string"},"pools":{"type":"array","items":{"type":"string"}},"maxTime":{"type":"string"}},"required":["name","pools"],"x-missing-reported-by-checks":[],"additionalProperties":false};
const schema59 = {"type":"object","properties":{"host":{"type":"string"},"cidrs":{"type":"array","items":{"type":"string"}},"port":{"type":"number"},"database":{"type":"string"},"user":{"type":"string"},"passwordSecret":{"$ref":"#/definitions/SecretKeySpec"}},"required":["host","passwordSecret"],"x-missing-reported-by-checks":["passwordSecret"],"additionalProperties":false};
const schema60 = {"type":"object","properties":{"name":{"type":"string"},"key":{"type":"string"}},"required":["name"],"x-missing-reported-by-checks":["name"],"additionalProperties":false};

function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.host === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "host"},message:"must have required property '"+"host"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.passwordSecret === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "passwordSecret"},message:"must have required property '"+"passwordSecret"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "host") || (key0 === "cidrs")) || (key0 === "port")) || (key0 === "database")) || (key0 === "user")) || (key0 === "passwordSecret"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.host !== undefined){
if(typeof data.host !== "string"){
const err3 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.cidrs !== undefined){
let data1 = data.cidrs;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
if(typeof data1[i0] !== "string"){
const err4 = {instancePath:instancePath+"/cidrs/" + i0,schemaPath:"#/properties/cidrs/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/cidrs",schemaPath:"#/properties/cidrs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.port !== undefined){
if(!(typeof data.port == "number")){
const err6 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.database !== undefined){
if(typeof data.database !== "string"){
const err7 = {instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.user !== undefined){
if(typeof data.user !== "string"){
const err8 = {instancePath:instancePath+"/user",schemaPath:"#/properties/user/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.passwordSecret !== undefined){
let data6 = data.passwordSecret;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.name === undefined){
const err9 = {instancePath:instancePath+"/passwordSecret",schemaPath:"#/definitions/SecretKeySpec/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key1 in data6){
if(!((key1 === "name") || (key1 === "key"))){
const err10 = {instancePath:instancePath+"/passwordSecret",schemaPath:"#/definitions/SecretKeySpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data6.name !== undefined){
if(typeof data6.name !== "string"){
const err11 = {instancePath:instancePath+"/passwordSecret/name",schemaPath:"#/definitions/SecretKeySpec/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data6.key !== undefined){
if(typeof data6.key !== "string"){
const err12 = {instancePath:instancePath+"/passwordSecret/key",schemaPath:"#/definitions/SecretKeySpec/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/passwordSecret",schemaPath:"#/definitions/SecretKeySpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate36.errors = vErrors;
return errors === 0;
}

const schema61 = {"type":"object","properties":{"replicas":{"type":"number"},"sssdConfSecret":{"$ref":"#/definitions/SecretKeySpec"},"serviceType":{"type":"string"}},"required":["sssdConfSecret"],"x-missing-reported-by-checks":["sssdConfSecret"],"additionalProperties":false};

function validate38(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.sssdConfSecret === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "sssdConfSecret"},message:"must have required property '"+"sssdConfSecret"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "replicas") || (key0 === "sssdConfSecret")) || (key0 === "serviceType"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.replicas !== undefined){
if(!(typeof data.replicas == "number")){
const err2 = {instancePath:instancePath+"/replicas",schemaPath:"#/properties/replicas/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.sssdConfSecret !== undefined){
let data1 = data.sssdConfSecret;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.name === undefined){
const err3 = {instancePath:instancePath+"/sssdConfSecret",schemaPath:"#/definitions/SecretKeySpec/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key1 in data1){
if(!((key1 === "name") || (key1 === "key"))){
const err4 = {instancePath:instancePath+"/sssdConfSecret",schemaPath:"#/definitions/SecretKeySpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data1.name !== undefined){
if(typeof data1.name !== "string"){
const err5 = {instancePath:instancePath+"/sssdConfSecret/name",schemaPath:"#/definitions/SecretKeySpec/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data1.key !== undefined){
if(typeof data1.key !== "string"){
const err6 = {instancePath:instancePath+"/sssdConfSecret/key",schemaPath:"#/definitions/SecretKeySpec/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/sssdConfSecret",schemaPath:"#/definitions/SecretKeySpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.serviceType !== undefined){
if(typeof data.serviceType !== "string"){
const err8 = {instancePath:instancePath+"/serviceType",schemaPath:"#/properties/serviceType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
validate38.errors = vErrors;
return errors === 0;
}


function validate35(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.nodes === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "nodes"},message:"must have required property '"+"nodes"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "clusterName") || (key0 === "nodes")) || (key0 === "slurmdImages")) || (key0 === "partitions")) || (key0 === "defaultPartition")) || (key0 === "maxTime")) || (key0 === "accounting")) || (key0 === "login"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.clusterName !== undefined){
if(typeof data.clusterName !== "string"){
const err2 = {instancePath:instancePath+"/clusterName",schemaPath:"#/properties/clusterName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.nodes !== undefined){
let data1 = data.nodes;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
if(!(typeof data1[key1] == "number")){
const err3 = {instancePath:instancePath+"/nodes/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/nodes/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath:instancePath+"/nodes",schemaPath:"#/properties/nodes/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.slurmdImages !== undefined){
let data3 = data.slurmdImages;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key2 in data3){
if(typeof data3[key2] !== "string"){
const err5 = {instancePath:instancePath+"/slurmdImages/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/slurmdImages/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/slurmdImages",schemaPath:"#/properties/slurmdImages/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.partitions !== undefined){
let data5 = data.partitions;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.name === undefined){
const err7 = {instancePath:instancePath+"/partitions/" + i0,schemaPath:"#/definitions/SlurmPartitionSpec/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data6.pools === undefined){
const err8 = {instancePath:instancePath+"/partitions/" + i0,schemaPath:"#/definitions/SlurmPartitionSpec/required",keyword:"required",params:{missingProperty: "pools"},message:"must have required property '"+"pools"+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key3 in data6){
if(!(((key3 === "name") || (key3 === "pools")) || (key3 === "maxTime"))){
const err9 = {instancePath:instancePath+"/partitions/" + i0,schemaPath:"#/definitions/SlurmPartitionSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data6.name !== undefined){
if(typeof data6.name !== "string"){
const err10 = {instancePath:instancePath+"/partitions/" + i0+"/name",schemaPath:"#/definitions/SlurmPartitionSpec/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data6.pools !== undefined){
let data8 = data6.pools;
if(Array.isArray(data8)){
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
if(typeof data8[i1] !== "string"){
const err11 = {instancePath:instancePath+"/partitions/" + i0+"/pools/" + i1,schemaPath:"#/definitions/SlurmPartitionSpec/properties/pools/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/partitions/" + i0+"/pools",schemaPath:"#/definitions/SlurmPartitionSpec/properties/pools/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data6.maxTime !== undefined){
if(typeof data6.maxTime !== "string"){
const err13 = {instancePath:instancePath+"/partitions/" + i0+"/maxTime",schemaPath:"#/definitions/SlurmPartitionSpec/properties/maxTime/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/partitions/" + i0,schemaPath:"#/definitions/SlurmPartitionSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/partitions",schemaPath:"#/properties/partitions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.defaultPartition !== undefined){
if(typeof data.defaultPartition !== "string"){
const err16 = {instancePath:instancePath+"/defaultPartition",schemaPath:"#/properties/defaultPartition/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.maxTime !== undefined){
if(typeof data.maxTime !== "string"){
const err17 = {instancePath:instancePath+"/maxTime",schemaPath:"#/properties/maxTime/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.accounting !== undefined){
if(!(validate36(data.accounting, {instancePath:instancePath+"/accounting",parentData:data,parentDataProperty:"accounting",rootData}))){
vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
errors = vErrors.length;
}
}
if(data.login !== undefined){
if(!(validate38(data.login, {instancePath:instancePath+"/login",parentData:data,parentDataProperty:"login",rootData}))){
vErrors = vErrors === null ? validate38.errors : vErrors.concat(validate38.errors);
errors = vErrors.length;
}
}
}
else {
const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
validate35.errors = vErrors;
return errors === 0;
}


function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((key0 === "kueue") || (key0 === "slurm"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.kueue !== undefined){
if(!(validate33(data.kueue, {instancePath:instancePath+"/kueue",parentData:data,parentDataProperty:"kueue",rootData}))){
vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
errors = vErrors.length;
}
}
if(data.slurm !== undefined){
if(!(validate35(data.slurm, {instancePath:instancePath+"/slurm",parentData:data,parentDataProperty:"slurm",rootData}))){
vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
errors = vErrors.length;
}
}
}
else {
const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate32.errors = vErrors;
return errors === 0;
}

const schema63 = {"type":"object","properties":{"charts":{"$ref":"#/definitions/ChartMirrorSpec"},"images":{"$ref":"#/definitions/ImageMirrorSpec"}},"additionalProperties":false};
const schema64 = {"type":"object","properties":{"url":{"type":"string"},"credentials":{}},"required":["url"],"x-missing-reported-by-checks":["url"],"additionalProperties":false};
const schema65 = {"type":"object","properties":{"registry":{"type":"string"}},"required":["registry"],"x-missing-reported-by-checks":["registry"],"additionalProperties":false};

function validate42(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((key0 === "charts") || (key0 === "images"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.charts !== undefined){
let data0 = data.charts;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.url === undefined){
const err1 = {instancePath:instancePath+"/charts",schemaPath:"#/definitions/ChartMirrorSpec/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key1 in data0){
if(!((key1 === "url") || (key1 === "credentials"))){
const err2 = {instancePath:instancePath+"/charts",schemaPath:"#/definitions/ChartMirrorSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data0.url !== undefined){
if(typeof data0.url !== "string"){
const err3 = {instancePath:instancePath+"/charts/url",schemaPath:"#/definitions/ChartMirrorSpec/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath:instancePath+"/charts",schemaPath:"#/definitions/ChartMirrorSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.images !== undefined){
let data2 = data.images;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.registry === undefined){
const err5 = {instancePath:instancePath+"/images",schemaPath:"#/definitions/ImageMirrorSpec/required",keyword:"required",params:{missingProperty: "registry"},message:"must have required property '"+"registry"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
for(const key2 in data2){
if(!(key2 === "registry")){
const err6 = {instancePath:instancePath+"/images",schemaPath:"#/definitions/ImageMirrorSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data2.registry !== undefined){
if(typeof data2.registry !== "string"){
const err7 = {instancePath:instancePath+"/images/registry",schemaPath:"#/definitions/ImageMirrorSpec/properties/registry/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/images",schemaPath:"#/definitions/ImageMirrorSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
validate42.errors = vErrors;
return errors === 0;
}


function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.displayName === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "displayName"},message:"must have required property '"+"displayName"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.kubernetes === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kubernetes"},message:"must have required property '"+"kubernetes"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.nodePools === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "nodePools"},message:"must have required property '"+"nodePools"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.tenants === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tenants"},message:"must have required property '"+"tenants"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema12.properties, key0))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.$schema !== undefined){
if(typeof data.$schema !== "string"){
const err6 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err7 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.displayName !== undefined){
if(typeof data.displayName !== "string"){
const err8 = {instancePath:instancePath+"/displayName",schemaPath:"#/properties/displayName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.kubernetes !== undefined){
let data3 = data.kubernetes;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.configPath === undefined){
const err9 = {instancePath:instancePath+"/kubernetes",schemaPath:"#/definitions/KubernetesConnection/required",keyword:"required",params:{missingProperty: "configPath"},message:"must have required property '"+"configPath"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data3.context === undefined){
const err10 = {instancePath:instancePath+"/kubernetes",schemaPath:"#/definitions/KubernetesConnection/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
for(const key1 in data3){
if(!((key1 === "configPath") || (key1 === "context"))){
const err11 = {instancePath:instancePath+"/kubernetes",schemaPath:"#/definitions/KubernetesConnection/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data3.configPath !== undefined){
if(typeof data3.configPath !== "string"){
const err12 = {instancePath:instancePath+"/kubernetes/configPath",schemaPath:"#/definitions/KubernetesConnection/properties/configPath/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data3.context !== undefined){
if(typeof data3.context !== "string"){
const err13 = {instancePath:instancePath+"/kubernetes/context",schemaPath:"#/definitions/KubernetesConnection/properties/context/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/kubernetes",schemaPath:"#/definitions/KubernetesConnection/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.state !== undefined){
let data6 = data.state;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.kind === undefined){
const err15 = {instancePath:instancePath+"/state",schemaPath:"#/definitions/StateBackendSpec/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data6.kind !== undefined){
if(typeof data6.kind !== "string"){
const err16 = {instancePath:instancePath+"/state/kind",schemaPath:"#/definitions/StateBackendSpec/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
const tag0 = data6.kind;
if(typeof tag0 == "string"){
if(tag0 === "local"){
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.kind === undefined){
const err17 = {instancePath:instancePath+"/state",schemaPath:"#/definitions/StateBackendSpec/oneOf/0/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
for(const key2 in data6){
if(!((key2 === "kind") || (key2 === "directory"))){
const err18 = {instancePath:instancePath+"/state",schemaPath:"#/definitions/StateBackendSpec/oneOf/0/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data6.kind !== undefined){
let data8 = data6.kind;
if(typeof data8 !== "string"){
const err19 = {instancePath:instancePath+"/state/kind",schemaPath:"#/definitions/StateBackendSpec/oneOf/0/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if("local" !== data8){
const err20 = {instancePath:instancePath+"/state/kind",schemaPath:"#/definitions/StateBackendSpec/oneOf/0/properties/kind/const",keyword:"const",params:{allowedValue: "local"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data6.directory !== undefined){
if(typeof data6.directory !== "string"){
const err21 = {instancePath:instancePath+"/state/directory",schemaPath:"#/definitions/StateBackendSpec/oneOf/0/properties/directory/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/state",schemaPath:"#/definitions/StateBackendSpec/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else if(tag0 === "kubernetes"){
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.kind === undefined){
const err23 = {instancePath:instancePath+"/state",schemaPath:"#/definitions/StateBackendSpec/oneOf/1/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
for(const key3 in data6){
if(!((key3 === "kind") || (key3 === "namespace"))){
const err24 = {instancePath:instancePath+"/state",schemaPath:"#/definitions/StateBackendSpec/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data6.kind !== undefined){
let data10 = data6.kind;
if(typeof data10 !== "string"){
const err25 = {instancePath:instancePath+"/state/kind",schemaPath:"#/definitions/StateBackendSpec/oneOf/1/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if("kubernetes" !== data10){
const err26 = {instancePath:instancePath+"/state/kind",schemaPath:"#/definitions/StateBackendSpec/oneOf/1/properties/kind/const",keyword:"const",params:{allowedValue: "kubernetes"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data6.namespace !== undefined){
if(typeof data6.namespace !== "string"){
const err27 = {instancePath:instancePath+"/state/namespace",schemaPath:"#/definitions/StateBackendSpec/oneOf/1/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/state",schemaPath:"#/definitions/StateBackendSpec/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/state",schemaPath:"#/definitions/StateBackendSpec/discriminator",keyword:"discriminator",params:{error: "mapping", tag: "kind", tagValue: tag0},message:"value of tag \"kind\" must be in oneOf"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/state",schemaPath:"#/definitions/StateBackendSpec/discriminator",keyword:"discriminator",params:{error: "tag", tag: "kind", tagValue: tag0},message:"tag \"kind\" must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/state",schemaPath:"#/definitions/StateBackendSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.nodePools !== undefined){
let data12 = data.nodePools;
if(Array.isArray(data12)){
const len0 = data12.length;
for(let i0=0; i0<len0; i0++){
if(!(validate12(data12[i0], {instancePath:instancePath+"/nodePools/" + i0,parentData:data12,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
}
else {
const err32 = {instancePath:instancePath+"/nodePools",schemaPath:"#/properties/nodePools/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.cpuPools !== undefined){
let data14 = data.cpuPools;
if(Array.isArray(data14)){
const len1 = data14.length;
for(let i1=0; i1<len1; i1++){
if(!(validate14(data14[i1], {instancePath:instancePath+"/cpuPools/" + i1,parentData:data14,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
errors = vErrors.length;
}
}
}
else {
const err33 = {instancePath:instancePath+"/cpuPools",schemaPath:"#/properties/cpuPools/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.tenants !== undefined){
let data16 = data.tenants;
if(Array.isArray(data16)){
const len2 = data16.length;
for(let i2=0; i2<len2; i2++){
if(!(validate16(data16[i2], {instancePath:instancePath+"/tenants/" + i2,parentData:data16,parentDataProperty:i2,rootData}))){
vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
errors = vErrors.length;
}
}
}
else {
const err34 = {instancePath:instancePath+"/tenants",schemaPath:"#/properties/tenants/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.retiredTenants !== undefined){
let data18 = data.retiredTenants;
if(Array.isArray(data18)){
const len3 = data18.length;
for(let i3=0; i3<len3; i3++){
if(!(validate20(data18[i3], {instancePath:instancePath+"/retiredTenants/" + i3,parentData:data18,parentDataProperty:i3,rootData}))){
vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
errors = vErrors.length;
}
}
}
else {
const err35 = {instancePath:instancePath+"/retiredTenants",schemaPath:"#/properties/retiredTenants/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data.gpuOperator !== undefined){
let data20 = data.gpuOperator;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
for(const key4 in data20){
if(!(key4 === "driver")){
const err36 = {instancePath:instancePath+"/gpuOperator",schemaPath:"#/definitions/GpuOperatorSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data20.driver !== undefined){
if(typeof data20.driver !== "string"){
const err37 = {instancePath:instancePath+"/gpuOperator/driver",schemaPath:"#/definitions/GpuOperatorSpec/properties/driver/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath:instancePath+"/gpuOperator",schemaPath:"#/definitions/GpuOperatorSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data.accessModes !== undefined){
let data22 = data.accessModes;
if(Array.isArray(data22)){
const len4 = data22.length;
for(let i4=0; i4<len4; i4++){
if(typeof data22[i4] !== "string"){
const err39 = {instancePath:instancePath+"/accessModes/" + i4,schemaPath:"#/definitions/AccessMode/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
else {
const err40 = {instancePath:instancePath+"/accessModes",schemaPath:"#/properties/accessModes/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data.tenantPriorityClasses !== undefined){
let data24 = data.tenantPriorityClasses;
if(Array.isArray(data24)){
const len5 = data24.length;
for(let i5=0; i5<len5; i5++){
if(typeof data24[i5] !== "string"){
const err41 = {instancePath:instancePath+"/tenantPriorityClasses/" + i5,schemaPath:"#/properties/tenantPriorityClasses/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
else {
const err42 = {instancePath:instancePath+"/tenantPriorityClasses",schemaPath:"#/properties/tenantPriorityClasses/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data.accelerators !== undefined){
let data26 = data.accelerators;
if(Array.isArray(data26)){
const len6 = data26.length;
for(let i6=0; i6<len6; i6++){
if(!(validate22(data26[i6], {instancePath:instancePath+"/accelerators/" + i6,parentData:data26,parentDataProperty:i6,rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
}
else {
const err43 = {instancePath:instancePath+"/accelerators",schemaPath:"#/properties/accelerators/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.tenantPods !== undefined){
let data28 = data.tenantPods;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
for(const key5 in data28){
if(!((key5 === "maxGracePeriodSeconds") || (key5 === "inlineCsiDrivers"))){
const err44 = {instancePath:instancePath+"/tenantPods",schemaPath:"#/definitions/TenantPodsSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data28.maxGracePeriodSeconds !== undefined){
if(!(typeof data28.maxGracePeriodSeconds == "number")){
const err45 = {instancePath:instancePath+"/tenantPods/maxGracePeriodSeconds",schemaPath:"#/definitions/TenantPodsSpec/properties/maxGracePeriodSeconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data28.inlineCsiDrivers !== undefined){
let data30 = data28.inlineCsiDrivers;
if(Array.isArray(data30)){
const len7 = data30.length;
for(let i7=0; i7<len7; i7++){
if(typeof data30[i7] !== "string"){
const err46 = {instancePath:instancePath+"/tenantPods/inlineCsiDrivers/" + i7,schemaPath:"#/definitions/TenantPodsSpec/properties/inlineCsiDrivers/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath:instancePath+"/tenantPods/inlineCsiDrivers",schemaPath:"#/definitions/TenantPodsSpec/properties/inlineCsiDrivers/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/tenantPods",schemaPath:"#/definitions/TenantPodsSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data.podSecurityVersion !== undefined){
if(typeof data.podSecurityVersion !== "string"){
const err49 = {instancePath:instancePath+"/podSecurityVersion",schemaPath:"#/properties/podSecurityVersion/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data.storageTiers !== undefined){
let data33 = data.storageTiers;
if(Array.isArray(data33)){
const len8 = data33.length;
for(let i8=0; i8<len8; i8++){
if(!(validate24(data33[i8], {instancePath:instancePath+"/storageTiers/" + i8,parentData:data33,parentDataProperty:i8,rootData}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
}
}
else {
const err50 = {instancePath:instancePath+"/storageTiers",schemaPath:"#/properties/storageTiers/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data.slurmStateTier !== undefined){
if(typeof data.slurmStateTier !== "string"){
const err51 = {instancePath:instancePath+"/slurmStateTier",schemaPath:"#/properties/slurmStateTier/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data.schedulers !== undefined){
if(!(validate32(data.schedulers, {instancePath:instancePath+"/schedulers",parentData:data,parentDataProperty:"schedulers",rootData}))){
vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
errors = vErrors.length;
}
}
if(data.mirror !== undefined){
if(!(validate42(data.mirror, {instancePath:instancePath+"/mirror",parentData:data,parentDataProperty:"mirror",rootData}))){
vErrors = vErrors === null ? validate42.errors : vErrors.concat(validate42.errors);
errors = vErrors.length;
}
}
if(data.network !== undefined){
let data38 = data.network;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
for(const key6 in data38){
if(!(((key6 === "apiServerCidrs") || (key6 === "apiServerPorts")) || (key6 === "slurmLoginCidrs"))){
const err52 = {instancePath:instancePath+"/network",schemaPath:"#/definitions/ClusterNetworkSpec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data38.apiServerCidrs !== undefined){
let data39 = data38.apiServerCidrs;
if(Array.isArray(data39)){
const len9 = data39.length;
for(let i9=0; i9<len9; i9++){
if(typeof data39[i9] !== "string"){
const err53 = {instancePath:instancePath+"/network/apiServerCidrs/" + i9,schemaPath:"#/definitions/ClusterNetworkSpec/properties/apiServerCidrs/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
else {
const err54 = {instancePath:instancePath+"/network/apiServerCidrs",schemaPath:"#/definitions/ClusterNetworkSpec/properties/apiServerCidrs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data38.apiServerPorts !== undefined){
let data41 = data38.apiServerPorts;
if(Array.isArray(data41)){
const len10 = data41.length;
for(let i10=0; i10<len10; i10++){
if(!(typeof data41[i10] == "number")){
const err55 = {instancePath:instancePath+"/network/apiServerPorts/" + i10,schemaPath:"#/definitions/ClusterNetworkSpec/properties/apiServerPorts/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
else {
const err56 = {instancePath:instancePath+"/network/apiServerPorts",schemaPath:"#/definitions/ClusterNetworkSpec/properties/apiServerPorts/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data38.slurmLoginCidrs !== undefined){
let data43 = data38.slurmLoginCidrs;
if(Array.isArray(data43)){
const len11 = data43.length;
for(let i11=0; i11<len11; i11++){
if(typeof data43[i11] !== "string"){
const err57 = {instancePath:instancePath+"/network/slurmLoginCidrs/" + i11,schemaPath:"#/definitions/ClusterNetworkSpec/properties/slurmLoginCidrs/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
}
else {
const err58 = {instancePath:instancePath+"/network/slurmLoginCidrs",schemaPath:"#/definitions/ClusterNetworkSpec/properties/slurmLoginCidrs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
else {
const err59 = {instancePath:instancePath+"/network",schemaPath:"#/definitions/ClusterNetworkSpec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(!(validate11(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
validate10.errors = vErrors;
return errors === 0;
}

