require('/work/wt/gateway-constructs/node_modules/ts-node').register({transpileOnly:true});
const {gatewayApiSchema}=require('/work/wt/gateway-constructs/lib/addons/gateway-api/bundles.ts');
const kind=process.argv[2];
const s=gatewayApiSchema(kind,'v1','v1.6.1');
function walk(n,p){ if(!n||typeof n!=='object')return;
 const lim=['maxItems','minItems','maxLength','minLength','pattern','enum','maximum','minimum','maxProperties','default','format'].filter(k=>k in n).map(k=>k+'='+JSON.stringify(n[k])).join(' ');
 if(lim || n['x-kubernetes-validations'] || n.required) console.log(p, lim, n.required?'required='+n.required:'', n['x-kubernetes-list-map-keys']?'mapkeys='+n['x-kubernetes-list-map-keys']:'');
 for(const v of n['x-kubernetes-validations']||[]) console.log('   CEL', JSON.stringify(v.message), '::', v.rule.replace(/\s+/g,' ').slice(0,300));
 if(n.properties) for(const k in n.properties) walk(n.properties[k],p+'.'+k);
 if(n.items) walk(n.items,p+'[]');
 if(n.additionalProperties&&typeof n.additionalProperties==='object') walk(n.additionalProperties,p+'{}');
}
walk(s.properties.spec,'spec');
