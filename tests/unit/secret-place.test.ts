import { describe, expect, it } from 'vitest';
import { secretPlaceFor } from '../../src/kube/secret-place.ts';

describe('secretPlaceFor: where a serving certificate’s TLS Secret goes', () => {
  it.each([
    [['registry.docker-registry', 'registry.docker-registry.svc.cluster.local', 'localhost'], 'localhost', { name: 'registry-tls', namespace: 'docker-registry', from: 'registry.docker-registry.svc.cluster.local' }],
    [['my-svc.my-namespace.svc.cluster.local', 'my-pod.my-namespace.pod.cluster.local'], undefined, { name: 'my-svc-tls', namespace: 'my-namespace', from: 'my-svc.my-namespace.svc.cluster.local' }],
    [['web.shop.svc'], undefined, { name: 'web-tls', namespace: 'shop', from: 'web.shop.svc' }],
    [['api.prod.svc.corp.internal'], undefined, { name: 'api-tls', namespace: 'prod', from: 'api.prod.svc.corp.internal' }],
    [['WEB.Shop.svc.cluster.local'], undefined, { name: 'web-tls', namespace: 'shop', from: 'WEB.Shop.svc.cluster.local' }],
  ])('%j → the Service’s name and namespace', (dns, commonName, place) => {
    expect(secretPlaceFor({ dns, commonName })).toEqual(place);
  });

  it('without a Service name: <CN>-tls and no namespace; a namespace that is no DNS label is not taken', () => {
    expect(secretPlaceFor({ dns: ['www.example.com'], commonName: 'www.example.com' })).toEqual({ name: 'www.example.com-tls', from: 'www.example.com' });
    expect(secretPlaceFor({ dns: ['a.b_c.svc.cluster.local'], commonName: 'system:node:w1' })).toEqual({ name: 'system-node-w1-tls', from: 'system:node:w1' });
    expect(secretPlaceFor({ dns: [], commonName: undefined })).toBeUndefined();
    expect(secretPlaceFor({ dns: [], commonName: '***' })).toBeUndefined();
  });
});
