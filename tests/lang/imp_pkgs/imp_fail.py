print('imp_fail runs')
raise ValueError('boom in imp_fail')
